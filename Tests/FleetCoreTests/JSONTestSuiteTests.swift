@testable import FleetCore
import Foundation
import Testing
import TestSupport

/// Nicolas Seriot's JSONTestSuite (`Fixtures/JSONTestSuite`, MIT), an independent corpus for the one JSON reader,
/// `BodyReader`, in both the ways it reads: passing over a whole value (`JSONScanner`'s state machine, as the
/// event decoder passes over members it does not want and checks a refused body), and reading every value as a
/// decoder does, through `BodyReader.document`, the REST answers' entry (objects and arrays walked by the reader's
/// own code, keys and strings unescaped, numbers converted). Each accepts every `y_` case, rejects every `n_` case,
/// and gives the answer in `implementationDefined` for every `i_` case; the event decoder survives every case
/// whole. (`InversAnswersTests.CorpusAnswerTests` feeds the same cases to every reader of a REST answer.)
@Suite struct JSONTestSuiteTests {
    static let directory = Fixture.directory.appendingPathComponent("JSONTestSuite/test_parsing")

    static func cases(_ prefix: String) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return names.filter { $0.hasPrefix(prefix) && $0.hasSuffix(".json") }.sorted()
    }

    static func bytes(_ name: String) -> [UInt8] {
        [UInt8]((try? Data(contentsOf: directory.appendingPathComponent(name))) ?? Data())
    }

    /// The event scanner over a whole document, as `BodyReader` passes over a value: one value, then the end.
    static func scannerAccepts(_ bytes: [UInt8]) -> Result<Void, EventDecodingError> {
        bytes.withUnsafeBufferPointer { buffer in
            var r = BodyReader(buffer, maxDepth: JSONLimits.default.maxDepth)
            do throws(EventDecodingError) {
                try r.skipValue()
                try r.expectEnd()
                return .success(())
            } catch {
                return .failure(error)
            }
        }
    }

    /// The REST answers' entry, `BodyReader.document`, reading every value of the document.
    static func readerAccepts(_ bytes: [UInt8]) -> Result<Void, EventDecodingError> {
        do throws(EventDecodingError) {
            try BodyReader.document(bytes) { (r) throws(EventDecodingError) in try readEveryValue(&r) }
            return .success(())
        } catch {
            return .failure(error)
        }
    }

    /// Reads the next value whole with the reader's typed reads, as a decoder would read it.
    static func readEveryValue(_ r: inout BodyReader) throws(EventDecodingError) {
        switch try r.peek() {
        case UInt8(ascii: "{"):
            _ = try r.readObject { (r, key) throws(EventDecodingError) in
                _ = String(decoding: key.bytes, as: UTF8.self)
                try readEveryValue(&r)
            }
        case UInt8(ascii: "["): _ = try r.readArray { (r) throws(EventDecodingError) in try readEveryValue(&r) }
        case UInt8(ascii: "\""): _ = try r.readString(maxBytes: .max)
        case UInt8(ascii: "t"), UInt8(ascii: "f"): _ = try r.readBool()
        case UInt8(ascii: "n"): try r.skipValue()
        default: _ = try r.readDouble()  // a number, or the syntax error of a byte that starts no value
        }
    }

    /// What the reader does with the cases the standard leaves open, and why; both ways of reading answer alike. "accepted" strings with invalid UTF-8 or lone surrogates read with U+FFFD in their
    /// place; huge numbers read as ±infinity or 0 (or a large finite value), which every numeric field's domain
    /// then drops (`NumericDomain`).
    static let implementationDefined: [String: (accepted: Bool, why: String)] = [
        "i_number_double_huge_neg_exp.json": (true, "valid syntax; reads as 0"),
        "i_number_huge_exp.json": (true, "valid syntax; reads as +infinity"),
        "i_number_neg_int_huge_exp.json": (true, "valid syntax; reads as -infinity"),
        "i_number_pos_double_huge_exp.json": (true, "valid syntax; reads as +infinity"),
        "i_number_real_neg_overflow.json": (true, "valid syntax; reads as -infinity"),
        "i_number_real_pos_overflow.json": (true, "valid syntax; reads as +infinity"),
        "i_number_real_underflow.json": (true, "valid syntax; reads as 0"),
        "i_number_too_big_neg_int.json": (true, "valid syntax; reads as the nearest Double"),
        "i_number_too_big_pos_int.json": (true, "valid syntax; reads as the nearest Double"),
        "i_number_very_big_negative_int.json": (true, "valid syntax; reads as the nearest Double"),
        "i_object_key_lone_2nd_surrogate.json": (true, "a lone surrogate escape reads as U+FFFD"),
        "i_string_1st_surrogate_but_2nd_missing.json": (true, "a lone surrogate escape reads as U+FFFD"),
        "i_string_1st_valid_surrogate_2nd_invalid.json": (true, "a lone surrogate escape reads as U+FFFD"),
        "i_string_UTF-16LE_with_BOM.json": (false, "UTF-16 is not JSON text on the wire (RFC 8259 §8.1)"),
        "i_string_UTF-8_invalid_sequence.json": (true, "invalid UTF-8 reads as U+FFFD"),
        "i_string_UTF8_surrogate_U+D800.json": (true, "an encoded surrogate reads as U+FFFD"),
        "i_string_incomplete_surrogate_and_escape_valid.json": (true, "a lone surrogate escape reads as U+FFFD"),
        "i_string_incomplete_surrogate_pair.json": (true, "a lone surrogate escape reads as U+FFFD"),
        "i_string_incomplete_surrogates_escape_valid.json": (true, "lone surrogate escapes read as U+FFFD"),
        "i_string_invalid_lonely_surrogate.json": (true, "a lone surrogate escape reads as U+FFFD"),
        "i_string_invalid_surrogate.json": (true, "a lone surrogate escape reads as U+FFFD"),
        "i_string_invalid_utf-8.json": (true, "invalid UTF-8 reads as U+FFFD"),
        "i_string_inverted_surrogates_U+1D11E.json": (true, "lone surrogate escapes read as U+FFFD"),
        "i_string_iso_latin_1.json": (true, "invalid UTF-8 reads as U+FFFD"),
        "i_string_lone_second_surrogate.json": (true, "a lone surrogate escape reads as U+FFFD"),
        "i_string_lone_utf8_continuation_byte.json": (true, "invalid UTF-8 reads as U+FFFD"),
        "i_string_not_in_unicode_range.json": (true, "invalid UTF-8 reads as U+FFFD"),
        "i_string_overlong_sequence_2_bytes.json": (true, "invalid UTF-8 reads as U+FFFD"),
        "i_string_overlong_sequence_6_bytes.json": (true, "invalid UTF-8 reads as U+FFFD"),
        "i_string_overlong_sequence_6_bytes_null.json": (true, "invalid UTF-8 reads as U+FFFD"),
        "i_string_truncated-utf-8.json": (true, "invalid UTF-8 reads as U+FFFD"),
        "i_string_utf16BE_no_BOM.json": (false, "UTF-16 is not JSON text on the wire (RFC 8259 §8.1)"),
        "i_string_utf16LE_no_BOM.json": (false, "UTF-16 is not JSON text on the wire (RFC 8259 §8.1)"),
        "i_structure_500_nested_arrays.json": (false, "deeper than the 64 levels both readers allow"),
        "i_structure_UTF-8_BOM_empty_object.json": (false, "a byte order mark is not JSON text (RFC 8259 §8.1)"),
    ]

    @Test func theCorpusIsThere() {
        #expect(Self.cases("y_").count == 95)
        #expect(Self.cases("n_").count == 188)
        #expect(Self.cases("i_").count == 35)
        #expect(Set(Self.cases("i_")) == Set(Self.implementationDefined.keys))
    }

    @Test(arguments: cases("y_"))
    func everyYesCaseIsAccepted(_ name: String) {
        let bytes = Self.bytes(name)
        if case let .failure(error) = Self.scannerAccepts(bytes) { Issue.record("the scanner refuses it: \(error)") }
        if case let .failure(error) = Self.readerAccepts(bytes) { Issue.record("the reader refuses it: \(error)") }
    }

    @Test(arguments: cases("n_"))
    func everyNoCaseIsRejected(_ name: String) {
        let bytes = Self.bytes(name)
        if case .success = Self.scannerAccepts(bytes) { Issue.record("the scanner accepts it") }
        if case .success = Self.readerAccepts(bytes) { Issue.record("the reader accepts it") }
        // As an event body, it is refused as invalid JSON (an empty body included).
        #expect {
            try EventDecoder().decode(body: bytes)
        } throws: { error in
            if case .invalidJSON = error as? EventDecodingError { return true }
            if case .notAnObject = error as? EventDecodingError { return true }  // refused before the rest is read
            return false
        }
    }

    @Test(arguments: cases("i_"))
    func everyImplementationDefinedCaseHasItsDocumentedAnswer(_ name: String) throws {
        let expected = try #require(Self.implementationDefined[name])
        let bytes = Self.bytes(name)
        let scanned: Bool
        if case .success = Self.scannerAccepts(bytes) { scanned = true } else { scanned = false }
        #expect(scanned == expected.accepted, "scanner: \(expected.why)")
        // Reading every value survives too: strings are repaired, numbers are Doubles of some kind.
        let read: Bool
        if case .success = Self.readerAccepts(bytes) { read = true } else { read = false }
        #expect(read == expected.accepted, "reader: \(expected.why)")
        // The event decoder survives it whole and inside an event.
        _ = try? EventDecoder().decode(body: bytes)
        let wrapped = Array(#"{"metadata": {"id": "e", "type": "X"}, "vehicle_id": "V", "v": "#.utf8) + bytes
            + Array("}".utf8)
        _ = try? EventDecoder().decode(body: wrapped)
    }

    /// The huge-number cases are read as the table says, and as a field's value they are dropped and counted.
    @Test(arguments: [("i_number_huge_exp.json", Double.infinity), ("i_number_neg_int_huge_exp.json", -.infinity),
                      ("i_number_real_pos_overflow.json", .infinity), ("i_number_real_underflow.json", 0)])
    func hugeNumbersReadAsDocumentedAndAreDropped(_ name: String, _ value: Double) throws {
        let bytes = Self.bytes(name)
        let read = try BodyReader.document(bytes) { (r) throws(EventDecodingError) -> Double? in
            var first: Double?
            _ = try r.readArray { (r) throws(EventDecodingError) in first = try r.readDouble() }
            return first
        }
        #expect(read == value)
        let number = String(decoding: bytes.filter { !"[] \n".utf8.contains($0) }, as: UTF8.self)
        let event = try EventDecoder().decode(body: Array("""
            {"metadata": {"id": "e", "type": "TripMetricsReady"},
             "trip": {"id": "t", "vehicle_id": "V", "distance_in_kilometers": \(number), "duration_in_seconds": 60}}
            """.utf8))
        guard case let .trip(trip) = event.payload else { Issue.record("\(event.payload)"); return }
        #expect(trip.durationSeconds == 60)
        if value.isFinite {
            #expect(trip.distanceKilometers == value)
            #expect(event.valuesOutOfRange == 0)
        } else {
            #expect(trip.distanceKilometers == nil)
            #expect(event.valuesOutOfRange == 1)
        }
    }
}
