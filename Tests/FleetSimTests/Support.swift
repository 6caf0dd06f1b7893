import FleetCore
import FleetSim
import FleetSimREST
import Foundation
import Testing
import TestSupport

/// A fixed start, so runs are comparable.
let fixedStart = Timestamp(iso8601: "2026-11-28T08:00:00Z")!

func configuration(vehicles: Int = 60, seed: UInt64 = 7) -> SimulationConfiguration {
    SimulationConfiguration(vehicles: vehicles, seed: seed, start: fixedStart)
}

/// Decodes a message the way the dashboard's consumer does.
func decode(_ message: OutgoingMessage) throws(EventDecodingError) -> Event {
    try EventDecoder().decode(body: message.body, headers: message.headers, messageID: message.messageID)
}

/// A fixture copied from the contract's samples.
func fixture(_ name: String) throws -> [UInt8] {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/\(name)")
    return Array(try Data(contentsOf: url))
}

/// Every key path of a JSON value (`trip.start.position.lat`), array elements under `[]`: the shape of a body.
func keyPaths(_ value: ParsedJSON, prefix: String = "") -> Set<String> {
    var paths = Set<String>()
    if let members = value.members {
        for (key, member) in members {
            let path = prefix.isEmpty ? key : "\(prefix).\(key)"
            paths.insert(path)
            paths.formUnion(keyPaths(member, prefix: path))
        }
    } else if let elements = value.elements {
        for element in elements { paths.formUnion(keyPaths(element, prefix: prefix + "[]")) }
    }
    return paths
}

func keyPaths(_ bytes: [UInt8]) throws -> Set<String> {
    keyPaths(try #require(ParsedJSON(bytes: bytes), "not JSON: \(String(decoding: bytes, as: UTF8.self))"))
}

/// A tiny lock for test collectors.
final class NSLockBox: @unchecked Sendable {
    private let lock = NSLock()
    func run<R>(_ body: () -> R) -> R {
        lock.lock()
        defer { lock.unlock() }
        return body()
    }
}
