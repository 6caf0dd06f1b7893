import FleetCore
import FleetSim
import Testing
import TestSupport

/// What the stand-in writes (bodies, REST answers, `fleetsim`'s lines) any parser reads, whatever the data holds,
/// and prints safely: every string escaped, numbers JSON cannot hold written as `null`, the same bytes every run.
@Suite struct StandInJSONTests {
    static let nasty = "quote \" backslash \\ newline \n tab \t esc \u{1B}[31m nul \u{0} del \u{7F} csi \u{9B} "
        + "ls \u{2028} € ps \u{2029} é 🚗 rlo \u{202E} /problems/x"

    @Test func everyStringIsEscapedSoAnyParserReadsItBackAndNoneDrivesATerminal() throws {
        let text = StandInJSON.text([Self.nasty: Self.nasty])
        #expect(!text.unicodeScalars.contains(where: SafeText.isUnsafe))
        #expect(text.contains(#"\u2028"#) && text.contains(#"\u009b"#) && text.contains("€ ") && text.contains("/problems/x"))
        let root = try #require(ParsedJSON(bytes: Array(text.utf8)))
        #expect(root[Self.nasty]?.string == Self.nasty)
    }

    @Test func wholeNumbersHaveNoFractionAndNonFiniteOnesAreNull() throws {
        let state = VehicleState(chargeOrFuelPercent: Reading(.nan), remainingRangeKilometers: Reading(.infinity),
                                 mileageKilometers: Reading(48211), cellularSignalQuality: Reading(4))
        let text = StandInJSON.text(VehicleStateJSON(state))
        #expect(text.contains(#""mileage_in_kilometers":{"value":48211}"#))
        #expect(text.contains(#""state_of_charge_or_fuel_level_in_percent":{"value":null}"#))
        #expect(text.contains(#""remaining_range_in_kilometers":{"value":null}"#))
        #expect(ParsedJSON(bytes: Array(text.utf8)) != nil)
        // A value that is null reads as absent, so the body still decodes.
        #expect(try VehicleState(jsonBody: Array(text.utf8)) == VehicleState(mileageKilometers: Reading(48211),
                                                                              cellularSignalQuality: Reading(4)))
    }

    /// A malformed body stays visible in `fleetsim`'s line, as escaped text: the line is still one JSON object.
    @Test func aLineHoldsAnyBodyAsText() throws {
        var lines: [String] = []
        let publisher = LinePublisher { lines.append($0) }
        let body = Array("\u{1B}[2Jnot json\n{\"a\":".utf8) + [0xFF]
        try publisher.publish(OutgoingMessage(topic: Topic(.tripEnded), body: body,
                                              headers: ["Message-Type": "TripEnded", "Flow-ID": "f"], messageID: "m-1"),
                              toQueue: "q")
        #expect(lines == [#"{"body":"\u001b[2Jnot json\n{\"a\":�","headers":{"Flow-ID":"f","Message-Type":"TripEnded"},"#
                          + #""message_id":"m-1","queue":"q"}"#])
    }
}
