// fuzz-events: broker messages → EventDecoder → the dashboard's FleetStore → frames of the dashboard, as the
// runtime draws them. Input format: `EventsInput`.
//
// Besides "no crash", it checks what the store and the screen promise, trapping when one does not hold:
// - a redelivered event is a duplicate and changes nothing;
// - the same distinct events in reverse order end in the same fleet (the store is order-independent), where each
//   vehicle has at most one trip and one smoke incident (the store keeps one of each);
// - no cell of a frame holds a control character (network text is sanitised before it reaches the terminal).
import FleetCore
import FleetTUI
import FuzzDriver

/// Every message of an input arrives at this one time, so a run is deterministic and the order check below compares
/// like with like (the store clamps stamps later than arrival plus its tolerance).
enum Arrival {
    static let time = Timestamp(iso8601: "2026-12-01T00:00:00Z")!
}

@_cdecl("LLVMFuzzerTestOneInput")
public func testOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let input = EventsInput(FuzzDriver.bytes(data, size))
    let decoder = EventDecoder()
    var events: [Event] = []
    for message in input.messages {
        if let event = try? decoder.decode(body: message.body, headers: message.headers, messageID: message.messageID) {
            events.append(event)
        }
    }

    // The deduplication memory holds every message of an input (the redelivery check below needs them all) and
    // no more: the default's 262,144 slots, cleared for every input, held the target to about 70 runs a second.
    let store = FleetStore(FleetState(dedupCapacity: EventsInput.maxMessages))
    var model = DashboardModel(size: ScreenSize(width: 120, height: 36), themeNames: BuiltinThemes.names,
                               stream: StreamStatus(state: .connected, endpoint: "FUZZ"))
    let index = RowIndex()
    for event in events {
        let (smoke, total) = store.apply([event], arrivedAt: Arrival.time)
        let rows = store.read { index.rows(for: $0, filter: model.filter) }
        for detected in smoke {
            _ = model.update(.smokeDetected(vehicleID: detected.vehicleID ?? "", at: detected.occurredAt), rows: rows)
        }
        _ = model.update(.eventsApplied(total: total), rows: rows)
    }

    let before = store.read { $0 }
    for event in events {
        precondition(store.modify { $0.apply(event, arrivedAt: Arrival.time) } == .duplicate, "a redelivered event was applied again")
    }
    precondition(store.read { $0 } == before, "a redelivered event changed the fleet")

    // The store keeps one trip and one smoke incident a vehicle (FleetState's contract): events of one that is not
    // current when they arrive are dropped, so with two trips (or incidents) of one vehicle the order can matter.
    if Set(events.map(\.id)).count == events.count, keepsOneTripAndIncidentPerVehicle(events) {
        var reversed = FleetState(dedupCapacity: EventsInput.maxMessages)
        for event in events.reversed() { reversed.apply(event, arrivedAt: Arrival.time) }
        precondition(reversed == before, "the same events in another order ended in another fleet")
    }

    store.read { state in
        checkSanitised(DashboardView.render(model, rows: index.rows(for: state, filter: model.filter)))
        if let vehicleID = events.lazy.compactMap(\.vehicleID).first {
            model.filter = VehicleFilter(vehicleID)
            checkSanitised(DashboardView.render(model, rows: index.rows(for: state, filter: model.filter)))
        }
    }
    return 0
}

/// Whether every vehicle has at most one trip id and at most one smoke incident id among `events`.
func keepsOneTripAndIncidentPerVehicle(_ events: [Event]) -> Bool {
    var trips: [String: String] = [:]
    var incidents: [String: String?] = [:]
    for event in events {
        guard let vehicle = event.vehicleID else { continue }
        switch event.payload {
        case let .trip(report):
            if let known = trips[vehicle], known != report.tripID { return false }
            trips[vehicle] = report.tripID
        case let .smoke(report):
            if let known = incidents[vehicle], known != report.incidentID { return false }
            incidents[vehicle] = report.incidentID
        default:
            break
        }
    }
    return true
}

/// Traps on a cell holding a control character: text from the network reached the grid unsanitised.
func checkSanitised(_ grid: CellGrid) {
    for cell in grid.cells {
        for scalar in cell.text.unicodeScalars where SafeText.isUnsafe(scalar) {
            preconditionFailure("a frame holds U+\(String(scalar.value, radix: 16, uppercase: true))")
        }
    }
}

FuzzDriver.run { testOneInput($0, $1) }
