import Testing
import TestSupport

/// Member lookups: an object's tape token keeps the set of its keys' lengths (modulo 32), so most absent keys
/// are answered without a walk; keys of colliding lengths must still be told apart by their bytes.
@Suite struct JSONLookupTests {
    @Test func lookupsFindEveryMemberAndNothingElse() throws {
        let root = try JSONDocument(bytes: Array(#"""
            {"": 0, "state_of_charge_or_fuel_level_in_percent": 1, "a_key_of_exactly_thirty_two_byte": 2,
             "x": 3, "nested": {"x": 4}, "list": [1, 2, 3]}
            """#.utf8)).root
        #expect(root[""]?.int == 0)
        #expect(root["state_of_charge_or_fuel_level_in_percent"]?.int == 1)  // 40 bytes: the bit of 8
        #expect(root["position"] == nil)  // 8 bytes, that same bit, but absent
        #expect(root["a_key_of_exactly_thirty_two_byte"]?.int == 2)  // 32 bytes: the bit of 0, like ""
        #expect(root["x"]?.int == 3)
        #expect(root["y"] == nil)  // the length of "x", absent
        #expect(root["missing"] == nil)  // no key is 7 bytes long
        #expect(root["nested"]?["x"]?.int == 4)
        #expect(root["nested"]?["nested"] == nil)
        #expect(root["list"]?.elements?.count == 3)  // an array's count is still its number of elements
        #expect(root["list"]?["x"] == nil)
    }

    /// RFC 8259: a key with escapes names the same member as its plain spelling, whatever its raw length.
    @Test func escapedKeysMatchTheirUnescapedName() throws {
        let root = try JSONDocument(bytes: Array(#"""
            {"vehicle\u005fid": "JQ7RP", "\u0078": 1, "b\"q": 2, "plain": 3, "x_y": 4}
            """#.utf8)).root
        #expect(root["vehicle_id"]?.string == "JQ7RP")  // raw 15 bytes, 10 unescaped
        #expect(root["x"]?.int == 1)
        #expect(root["b\"q"]?.int == 2)
        #expect(root["plain"]?.int == 3)
        #expect(root["vehicle"] == nil)
        #expect(root["vehicle\\u005fid"] == nil)  // the raw spelling is not the name
    }
}
