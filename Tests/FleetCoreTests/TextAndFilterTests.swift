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
        // The borders' and the map's characters take one column each, as the general rules also say.
        let borderAndMap = Array(0x2500...0x259F) + Array(0x2800...0x28FF)
        for scalar in borderAndMap.compactMap(Unicode.Scalar.init) {
            #expect(DisplayWidth.of(scalar) == 1)
            #expect(!scalar.properties.isEmojiPresentation && scalar.properties.generalCategory != .nonspacingMark)
        }
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
        #expect(redactedURL("https://api.invers.com") == "https://api.invers.com")
        #expect(redactedURL("amqps://u@h:5671/v") == "amqps://***@h:5671/v")
        #expect("\(Secret("hunter2"))" == "***")
    }

    /// A password typed without escaping may hold `/`, `#`, `?` or `@`: the userinfo runs to the last `@`.
    @Test func aPasswordWithDelimitersIsHiddenWhole() {
        #expect(redactedURL("amqps://user:pa/ss@host:5671/vh") == "amqps://user:***@host:5671/vh")
        #expect(redactedURL("amqps://user:pa#ss@host/vh") == "amqps://user:***@host/vh")
        #expect(redactedURL("amqps://user:pa?ss@host/vh") == "amqps://user:***@host/vh")
        #expect(redactedURL("amqps://user:p@ss@host/vh") == "amqps://user:***@host/vh")
        #expect(redactedURL("amqps://user:a/b?c#d@e@host") == "amqps://user:***@host")
        for url in ["amqps://user:pa/ss@host", "amqps://user:pa#ss@host", "amqps://user:pa?ss@host",
                    "amqps://user:p@ss@host"] {
            #expect(!redactedURL(url).contains("ss"), "\(url)")
        }
    }

    /// Userinfo without a colon may be a token in the user's place.
    @Test func userinfoWithoutAColonIsHidden() {
        #expect(redactedURL("amqp://token@host") == "amqp://***@host")
        #expect(redactedURL("amqp://guest@127.0.0.1/") == "amqp://***@127.0.0.1/")
        #expect(redactedURL("https://tok3n@api.invers.com/x") == "https://***@api.invers.com/x")
    }

    /// Every query value and the fragment are hidden, whatever their names.
    @Test func queryValuesAndFragmentsAreHidden() {
        #expect(redactedURL("https://api.invers.com/x?access_token=abc&limit=100")
                == "https://api.invers.com/x?access_token=***&limit=***")
        #expect(redactedURL("https://h/?token=a&password=b&secret=c&key=d")
                == "https://h/?token=***&password=***&secret=***&key=***")
        #expect(redactedURL("https://h/p?s3cret") == "https://h/p?***")
        #expect(redactedURL("https://h/p#access_token=abc") == "https://h/p#***")
        #expect(redactedURL("https://h/p?a=1#frag") == "https://h/p?a=***#***")
        #expect(redactedURL("amqps://u:pw@h/v?heartbeat=10") == "amqps://u:***@h/v?heartbeat=***")
    }

    /// A mistyped scheme (no `://`) does not expose the password either.
    @Test func textWithoutASchemeIsRedactedFromItsStart() {
        #expect(redactedURL("amqps:/user:pw@host") == "amqps:***@host")
        #expect(redactedURL("user:pw@host") == "user:***@host")
        #expect(redactedURL("host?token=x") == "host?token=***")
        #expect(redactedURL("amqp://h/\u{1B}[2J") == "amqp://h/?[2J")
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
