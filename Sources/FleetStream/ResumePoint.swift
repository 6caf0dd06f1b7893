import FleetCore

/// Where the dashboard starts reading its stream when `--since` does not say: where it left off (replaying the
/// window before that point, so that its panes and vehicles are rebuilt), else the default window.
public struct ResumePoint: Hashable, Sendable {
    public var start: StreamStart
    /// For the status line: where it resumed, or that this is a first run.
    public var notice: String?
    /// For the status line too, as a warning: why the saved offset could not be used.
    public var warning: String?

    /// `saved` is what the checkpoint file holds (nil: nothing yet), `streamEnd` the stream's last offset now when
    /// known (an offset past it means the stream was deleted and declared again: its numbering started over).
    public init(stream: String, saved: Result<StreamCheckpoint?, CheckpointFileError>, streamEnd: Int64?,
                firstRun: StreamStart) {
        let name = SafeText.sanitize(stream)
        let reading = if case .ago = firstRun { "reading the last \(firstRun)" } else { "reading from \(firstRun)" }
        start = firstRun
        warning = nil
        switch saved {
        case let .failure(error):
            notice = nil
            warning = "\(error.description): \(reading) instead"
        case .success(nil):
            notice = "first run on the stream \(name): \(reading)"
        case let .success(checkpoint?):
            if let streamEnd, checkpoint.offset > streamEnd {
                notice = nil
                warning = "the stream \(name) ends at offset \(streamEnd), before where this dashboard left off "
                    + "(\(checkpoint.offset)): it was declared again; \(reading)"
            } else {
                start = .offset(checkpoint.replayFrom)
                notice = "resuming the stream \(name) after offset \(checkpoint.offset), where this dashboard left off "
                    + "(replaying from offset \(checkpoint.replayFrom) to rebuild the panes)"
            }
        }
    }
}
