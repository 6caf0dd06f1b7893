import Foundation
import Testing
import TestSupport

/// JSON text made safe to print keeps its value: what Foundation's `JSONEncoder` leaves unescaped and a terminal
/// must not see becomes a `\u` escape, and a parser reads back the exact text.
@Suite struct SafeJSONTextTests {
    static let hostile = "JQ7\u{1B}[2J\u{7}\u{9B}31m\u{202E}X\"\\\u{7F} ls\u{2028}ps\u{2029} é 🚗 \u{2066}x\u{2069}/"

    @Test func everyUnsafeScalarIsEscapedAndTheTextReadsBack() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        let raw = String(decoding: try encoder.encode([Self.hostile: Self.hostile]), as: UTF8.self)
        #expect(raw.unicodeScalars.contains(where: SafeText.isUnsafe))  // JSONEncoder leaves some: the test has work
        let safe = SafeText.escapingUnsafeScalars(inJSON: raw)
        #expect(!safe.unicodeScalars.contains(where: SafeText.isUnsafe))
        #expect(safe.contains(#"\u009b31m\u202eX"#) && safe.contains(#"\u007f"#) && safe.contains(#"\u2028"#))
        #expect(safe.contains("é 🚗"))  // other non-ASCII text stays as it is
        let object = try #require(try JSONSerialization.jsonObject(with: Data(safe.utf8)) as? [String: String])
        #expect(object == [Self.hostile: Self.hostile])
    }

    @Test func plainTextIsLeftAlone() {
        let json = #"{"id":"e-1","name":"Zoé","n":[1,2.5,null]}"#
        #expect(SafeText.escapingUnsafeScalars(inJSON: json) == json)
        #expect(SafeText.escapingUnsafeScalars(inJSON: "[\"\u{85}\"]") == #"["\u0085"]"#)
    }
}
