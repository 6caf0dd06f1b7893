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
}
