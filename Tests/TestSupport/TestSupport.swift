@_exported import FleetCore
import Foundation

/// The contract's samples, copied into `Tests/FleetCoreTests/Fixtures` (plus `rest/`).
public enum Fixture {
    public static let directory: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("FleetCoreTests/Fixtures")

    /// The bytes of a fixture, e.g. `Fixture.bytes("trip-ended.json")` or `Fixture.bytes("rest/token.json")`.
    public static func bytes(_ name: String) -> [UInt8] {
        let url = directory.appendingPathComponent(name)
        guard let data = try? Data(contentsOf: url) else { fatalError("missing fixture \(url.path)") }
        return [UInt8](data)
    }

    public static func text(_ name: String) -> String { String(decoding: bytes(name), as: UTF8.self) }

    /// Every event sample (not headers, not REST answers).
    public static let eventSamples = [
        "vehicle-changed.rental.json", "vehicle-changed.life.json", "vehicle-changed.master.json",
        "vehicle-state-recorded.json", "trip-started.json", "trip-ended.json", "trip-metrics-ready.json",
        "trip-discarded.json", "smoke-detected.json", "smoke-data-ready.json",
    ]
}

/// Small builders for events in tests.
public enum TestEvents {
    /// A `VehicleChanged` body with the given fields.
    public static func vehicleChanged(id: String, vehicle: String, at: String, reasons: [String] = ["LIFE_STATUS_CHANGED"],
                                      life: String? = nil, rental: String? = nil, plate: String? = nil,
                                      name: String? = nil, modifiedAt: String? = nil) -> [UInt8] {
        var v: [String] = ["\"id\": \"\(vehicle)\""]
        var master: [String] = []
        if let plate { master.append("\"license_plate\": \"\(plate)\"") }
        if let name { master.append("\"custom_name\": \"\(name)\"") }
        if !master.isEmpty { v.append("\"master_data\": {\(master.joined(separator: ","))}") }
        let mod = modifiedAt.map { ", \"modified_at\": \"\($0)\"" } ?? ""
        if let life { v.append("\"life_status\": {\"value\": \"\(life)\"\(mod)}") }
        if let rental { v.append("\"rental_status\": {\"value\": \"\(rental)\"\(mod)}") }
        let reasonList = reasons.map { "\"\($0)\"" }.joined(separator: ",")
        return Array("""
            {"metadata": {"id": "\(id)", "type": "VehicleChanged", "occurred_at": "\(at)"},
             "reasons": [\(reasonList)], "vehicle": {\(v.joined(separator: ","))}}
            """.utf8)
    }

    /// A `VehicleStateRecorded` body with a central lock reading.
    public static func lockReading(id: String, vehicle: String, at: String, lock: String, readAt: String? = nil) -> [UInt8] {
        Array("""
            {"metadata": {"id": "\(id)", "type": "VehicleStateRecorded", "occurred_at": "\(at)"}, "vehicle_id": "\(vehicle)",
             "vehicle_state": {"central_lock": {"timestamp": "\(readAt ?? at)", "value": "\(lock)"}}}
            """.utf8)
    }

    public static func decode(_ body: [UInt8], headers: [String: String] = [:]) -> Event {
        do {
            return try EventDecoder().decode(body: body, headers: headers)
        } catch {
            fatalError("test event does not decode: \(error)")
        }
    }
}

extension FleetState {
    /// Applies an event as replayed, with no arrival time to hold its times to: what the tests that are not about
    /// future stamps want (those pass `arrivedAt` themselves).
    @discardableResult
    public mutating func apply(_ event: Event) -> Outcome { apply(event, arrivedAt: .latest) }
}
