@testable import FleetCore
import Testing
import TestSupport

/// `BodyReader.document`, the entry the REST answers are read through: a hostile answer is refused within its
/// limits (size before reading, depth as containers open, no recursion in the scan), and whether an answer is JSON
/// at all is the scanner's judgement, whatever the reader was reading when it met the error.
@Suite struct WholeBodyReadingTests {
    func state(_ text: String, limits: JSONLimits = .default) throws(EventDecodingError) -> VehicleState {
        try VehicleState(jsonBody: Array(text.utf8), limits: limits)
    }

    @Test func aBodyOverTheSizeLimitIsRefusedBeforeItIsRead() throws {
        let body = "{\"ignition\": {\"value\": \"" + String(repeating: "x", count: 2_000) + "\"}}"
        #expect(throws: EventDecodingError.invalidJSON(.tooLarge(bytes: body.utf8.count, limit: 1_000))) {
            try state(body, limits: JSONLimits(maxBytes: 1_000))
        }
        // Over the limit, even the syntax is not looked at.
        #expect(throws: EventDecodingError.invalidJSON(.tooLarge(bytes: 1_001, limit: 1_000))) {
            try state(String(repeating: "[", count: 1_001), limits: JSONLimits(maxBytes: 1_000))
        }
        #expect(try state(body).ignition?.value.count == TextLimits.maxFieldBytes)
    }

    /// 100,000 nested arrays, as a whole body and inside a member: refused at the 65th level, without a crash and
    /// without a stack that grows with the input.
    @Test func deepNestingIsRefusedAtTheDepthLimit() {
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        #expect(throws: EventDecodingError.invalidJSON(.tooDeep(limit: 64))) { try state(deep) }
        #expect(throws: EventDecodingError.invalidJSON(.tooDeep(limit: 64))) { try state(#"{"position": "# + deep + "}") }
        #expect(throws: EventDecodingError.invalidJSON(.tooDeep(limit: 64))) {
            try state(#"{"x": "# + String(repeating: #"{"a": "#, count: 100_000) + "1" + String(repeating: "}", count: 100_001))
        }
        let within = String(repeating: "[", count: 63) + String(repeating: "]", count: 63)
        #expect(throws: Never.self) { try state(#"{"x": "# + within + "}") }
    }

    @Test func emptyTrailingAndNonObjectBodiesAreNamed() {
        #expect(throws: EventDecodingError.invalidJSON(.empty)) { try state(" \n") }
        #expect(throws: EventDecodingError.invalidJSON(.trailingData(offset: 3))) { try state("{} {}") }
        #expect(throws: EventDecodingError.wrongType(field: "body", expected: "an object", found: "an array")) {
            try state("[]")
        }
        #expect(throws: EventDecodingError.wrongType(field: "body", expected: "an object", found: "null")) {
            try state("null")
        }
        #expect(throws: EventDecodingError.wrongType(field: "central_lock.value", expected: "a string", found: "a number")) {
            try state(#"{"central_lock": {"value": 1}}"#)
        }
    }

    /// A field of the wrong kind stops the reader; a syntax error after it still decides the answer, as it would
    /// wherever it stood.
    @Test func aSyntaxErrorAnywhereWinsOverAFieldOfTheWrongKind() {
        #expect(throws: EventDecodingError.invalidJSON(.unexpectedCharacter(UInt8(ascii: "}"), offset: 37))) {
            try state(#"{"central_lock": {"value": 1}, "x": [}"#)
        }
        #expect(throws: EventDecodingError.invalidJSON(.trailingData(offset: 3))) { try state("[] x") }
    }

    /// Damaged REST samples (a byte deleted, inserted or replaced, or the body cut short), read as the answers
    /// they are: a body is refused as invalid JSON exactly when the scanner's check of the whole document refuses
    /// it, with the same error.
    @Test func damagedAnswersAreJudgedAsTheScannerJudgesThem() {
        var rng = SplitMix64(seed: 11)
        let samples = ["rest/command-lock.200.json", "rest/vehicles.page1.json", "rest/problem.409.conflicting-state.json"]
        var invalid = 0
        for round in 0..<3_000 {
            var body = Fixture.bytes(samples[round % samples.count])
            OnePassDecodingTests.damage(&body, &rng)
            let scanError = OnePassDecodingTests.scanError(body)
            if scanError != nil { invalid += 1 }
            for asResource in [false, true] {
                do throws(EventDecodingError) {
                    if asResource { _ = try VehicleResource(jsonBody: body) } else { _ = try VehicleState(jsonBody: body) }
                    #expect(scanError == nil, "read a body the scanner refuses: \(String(decoding: body, as: UTF8.self))")
                } catch {
                    if case let .invalidJSON(error) = error {
                        #expect(error == scanError, "\(String(decoding: body, as: UTF8.self))")
                    } else {
                        #expect(scanError == nil, "\(error) for a body the scanner refuses: \(String(decoding: body, as: UTF8.self))")
                    }
                }
            }
        }
        #expect(invalid > 1_000)  // the damage mostly breaks the JSON: the comparison is not vacuous
    }
}
