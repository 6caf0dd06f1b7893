import FleetCore

/// Everything that can happen to the dashboard, as a value for `DashboardModel.update`.
public enum DashboardMessage: Sendable {
    case key(Key)
    /// The clock moved (monotonic seconds, and the wall clock when given): flashes expire, commands time out
    /// unconfirmed, ages move.
    case tick(now: Double, wall: Timestamp? = nil)
    /// The palette changed (a theme, or the terminal's colours): whether it tells the statuses apart by colour.
    case statusColors(Bool)
    case resized(ScreenSize)
    /// A click selects the row under it and focuses its pane; the wheel moves the selection.
    case mouse(MouseEvent)
    case stream(StreamStatus)
    /// Messages the source rejected: the latest, and how many in all since the last report (the inbox coalesces
    /// a flood into one message).
    case rejected(Rejection, count: Int = 1)
    /// The REST snapshot's progress.
    case snapshot(SnapshotProgress)
    /// A command sent by a `.send` effect came back.
    case commandFinished(vehicleID: String, command: VehicleCommand, result: Result<CommandResult, CommandFailure>)
    /// A `SmokeDetected` event was applied (not a duplicate).
    case smokeDetected(vehicleID: String, at: Timestamp?)
    /// The store has applied this many events in total.
    case eventsApplied(total: Int)
    /// A message for the status line from the runtime (already sanitised).
    case notice(Flash.Level, String)
    /// Warnings the operator must see while the dashboard runs (credentials in clear text, TLS verification
    /// off, a token lifetime the REST edge replaced): added to those shown, each once, whichever edge sends them
    /// first.
    case warnings([String])
    /// A signal (SIGTERM, SIGHUP, SIGINT) asks the dashboard to end, as Ctrl-C does.
    case quitRequested
}

/// Where the REST snapshot of the fleet stands.
public enum SnapshotProgress: Hashable, Sendable {
    case loading
    case loaded(vehicles: Int)
    case failed(CommandFailure)
    /// No credentials configured: the dashboard starts from the event stream alone.
    case skipped
}

/// What `update` asks the runtime to do; `update` itself never does I/O.
public enum DashboardEffect: Hashable, Sendable {
    case send(VehicleCommand, vehicleID: String)
    case bell
    /// A desktop notification, where the terminal and the settings allow one (already sanitised).
    case notify(String)
    case quit
    /// Keep drawing the store as it is now while it keeps consuming.
    case freezeDisplay
    case resumeDisplay
    case applyTheme(String)
    /// Write the Vehicles table as shown (filtered, sorted, every row, the chosen columns) to a CSV file.
    case exportVehicles
    /// A dialog opened: keys typed before it was drawn must not answer it, so the runtime drops the keys it has
    /// read but not handled yet and the terminal's unread input.
    case discardTypeahead
}
