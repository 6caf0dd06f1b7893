import FleetCore
import Foundation

/// How the stand-in writes JSON: its event bodies, its REST answers and `fleetsim`'s lines, all with Foundation's
/// `JSONEncoder` (the project's one JSON writer, as for `tail --json`).
///
/// - Keys are sorted: a seed gives the same bytes in every run, where `JSONEncoder`'s own order changes from
///   process to process. INVERS writes `metadata` first; the contract promises no order and the decoder reads any.
/// - `/` is written as it is (`/problems/not-found`, as INVERS writes it).
/// - Every scalar a terminal must not see is escaped (`SafeText.escapingUnsafeScalars(inJSON:)`): `fleetsim`
///   prints its lines, and whoever receives a body may print it.
/// - A number JSON cannot hold (NaN, ±infinity) is `null` (`encodeNumber`), so encoding never fails.
public enum StandInJSON {
    /// `value` as JSON text.
    public static func text(_ value: some Encodable) -> String {
        let data: Data
        do {
            data = try encoder.encode(value)
        } catch {
            // The stand-in's values are strings, whole numbers, booleans and numbers written by `encodeNumber`,
            // all of which JSONEncoder writes.
            preconditionFailure("JSONEncoder refused the stand-in's JSON: \(error)")
        }
        return SafeText.escapingUnsafeScalars(inJSON: String(decoding: data, as: UTF8.self))
    }

    /// `value` as the UTF-8 bytes of its JSON text.
    public static func bytes(_ value: some Encodable) -> [UInt8] { Array(text(value).utf8) }

    /// Safe to share: every `encode` works on its own state.
    private static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()
}

extension KeyedEncodingContainer {
    /// A number, or `null` when JSON cannot hold it (NaN, ±infinity), where `JSONEncoder` would throw: a
    /// simulation that produced one still sends a body any parser reads.
    mutating func encodeNumber(_ value: Double, forKey key: Key) throws {
        if value.isFinite { try encode(value, forKey: key) } else { try encodeNil(forKey: key) }
    }
}
