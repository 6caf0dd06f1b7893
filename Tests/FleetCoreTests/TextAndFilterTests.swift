import Testing
import TestSupport

@Suite struct VehicleFilterTests {
    func vehicle(_ id: String, plate: String? = nil, name: String? = nil) -> Vehicle {
        var v = Vehicle(id: id)
        let stamp = Stamp(time: Timestamp(microseconds: 0), tiebreak: 0)
        if let plate { v.plate = Stamped(plate, stamp: stamp) }
        if let name { v.name = Stamped(name, stamp: stamp) }
        return v
    }

    @Test func matchesIdPlateOrNameCaseInsensitively() {
        let golf = vehicle("JQ7RP", plate: "B-FW 832", name: "Golf 7")
        #expect(VehicleFilter("jq7").matches(golf))
        #expect(VehicleFilter("fw 8").matches(golf))
        #expect(VehicleFilter("GOLF").matches(golf))
        #expect(!VehicleFilter("zoe").matches(golf))
    }

    @Test func aLeadingBangInverts() {
        let golf = vehicle("JQ7RP", plate: "B-FW 832")
        #expect(!VehicleFilter("!jq7").matches(golf))
        #expect(VehicleFilter("!zoe").matches(golf))
        #expect(VehicleFilter("!").isEmpty)
        #expect(VehicleFilter("!").matches(golf))
    }

    @Test func emptyMatchesEverything() {
        #expect(VehicleFilter("").matches(vehicle("X")))
    }

    @Test func nonASCIINamesFoldToo() {
        let car = vehicle("A1", name: "Zoé Über 車")
        #expect(VehicleFilter("ÜBER").matches(car))
        #expect(VehicleFilter("zoé").matches(car))
        #expect(VehicleFilter("車").matches(car))
    }
}

@Suite struct SafeTextTests {
    @Test func controlCharactersAndEscapeSequencesAreDefused() {
        #expect(SafeText.sanitize("B-FW\u{1B}[2J832") == "B-FW?[2J832")
        #expect(SafeText.sanitize("a\nb\rc\td\u{7F}e") == "a?b?c?d?e")
        #expect(SafeText.sanitize("x\u{9B}31m") == "x?31m")  // 8-bit CSI
        #expect(SafeText.sanitize("evil\u{202E}txt") == "evil?txt")  // right-to-left override
    }

    @Test func ordinaryTextIsUntouched() {
        let text = "Zoé 12 車 🚗 B-FW 832"
        #expect(SafeText.sanitize(text) == text)
    }
}

@Suite struct DisplayWidthTests {
    @Test func widthsFollowWcwidth() {
        #expect(DisplayWidth.of("Golf 7") == 6)
        #expect(DisplayWidth.of("車") == 2)
        #expect(DisplayWidth.of("🚗") == 2)
        #expect(DisplayWidth.of("e\u{301}") == 1)  // combining acute accent
        #expect(DisplayWidth.of("한국") == 4)
    }

    @Test func truncationNeverSplitsAWideCharacter() {
        #expect(DisplayWidth.truncate("Golf 7", to: 10) == "Golf 7")
        #expect(DisplayWidth.truncate("Golf 7 electric", to: 6) == "Golf …")
        #expect(DisplayWidth.truncate("車車車", to: 4) == "車…")
        #expect(DisplayWidth.of(DisplayWidth.truncate("車車車", to: 4)) == 3)
        #expect(DisplayWidth.fit("車車車", to: 4) == "車… ")
        #expect(DisplayWidth.fit("ab", to: 4) == "ab  ")
    }
}

@Suite struct RedactionTests {
    @Test func passwordsAreHidden() {
        #expect(redactedURL("amqps://f-FLT23-c-CNSM23A:s3cr%40t@api.invers.com:5671/FLT23")
            == "amqps://f-FLT23-c-CNSM23A:***@api.invers.com:5671/FLT23")
        #expect(redactedURL("amqp://guest@127.0.0.1/") == "amqp://guest@127.0.0.1/")
        #expect(redactedURL("https://api.invers.com") == "https://api.invers.com")
        #expect("\(Secret("hunter2"))" == "***")
    }
}

@Suite struct SecretTests {
    @Test func aSecretIsHiddenFromEveryKindOfPrinting() {
        let secret = Secret("hunter2")
        var dumped = ""
        dump(secret, to: &dumped)
        #expect(!dumped.contains("hunter2"))
        #expect(!String(describing: secret).contains("hunter2"))
        #expect(!String(reflecting: secret).contains("hunter2"))
        #expect(!"\([secret])".contains("hunter2"))
    }
}
