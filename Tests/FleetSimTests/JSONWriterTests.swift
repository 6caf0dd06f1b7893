import FleetCore
import Testing
import TestSupport

@Suite struct JSONWriterTests {
    @Test func writesNestedObjectsAndArraysWithCommasInTheRightPlaces() {
        var json = JSONWriter()
        json.beginObject()
        json.field("a", 1)
        json.key("b")
        json.beginArray()
        json.number(1.5)
        json.beginObject()
        json.endObject()
        json.beginArray()
        json.endArray()
        json.endArray()
        json.field("c", true)
        json.key("d")
        json.null()
        json.endObject()
        #expect(json.text == #"{"a":1,"b":[1.5,{},[]],"c":true,"d":null}"#)
    }

    @Test func escapesEveryStringSoAnyParserReadsItBack() throws {
        let nasty = "quote \" backslash \\ newline \n tab \t esc \u{1B}[31m nul \u{0} del \u{7F} ls \u{2028} € ps \u{2029} é 🚗 \u{2029}"
        var json = JSONWriter()
        json.beginObject()
        json.field(nasty, nasty)
        json.endObject()
        #expect(!json.bytes.contains(0x1B))
        #expect(!json.bytes.contains(0x0A))
        #expect(json.text.contains("\\u2028") && json.text.contains("\\u2029") && json.text.contains("€"))
        let root = try #require(ParsedJSON(bytes: json.bytes))
        #expect(root.members?.keys.first == nasty)
        #expect(root[nasty]?.string == nasty)
    }

    @Test func writesWholeNumbersWithoutAFractionAndNonFiniteAsNull() {
        var json = JSONWriter()
        json.beginArray()
        json.number(48211.0)
        json.number(21.4)
        json.number(-0.5)
        json.number(Double.nan)
        json.number(Double.infinity)
        json.endArray()
        #expect(json.text == "[48211,21.4,-0.5,null,null]")
    }
}
