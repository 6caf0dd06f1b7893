import FleetConfig
import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Testing
import TestSupport

/// Flags win over the environment, which wins over the config file; every bad input has a clear error.
@Suite struct SettingsTests {
    /// A fake file system: path → (content, readable by others).
    func files(_ entries: [String: (String, Bool)]) -> FileAccess {
        FileAccess(
            exists: { entries[$0] != nil },
            read: { (path) throws(FileAccessError) -> String in
                guard let entry = entries[path] else { throw FileAccessError(reason: "No such file or directory") }
                return entry.0
            },
            isReadableByOthers: { entries[$0]?.1 ?? false })
    }

    /// The options when no flag is given, as the command line parses them.
    func noFlags() -> ConnectionOptions {
        do { return try ConnectionOptions.parse([]) } catch { fatalError("no flags do not parse: \(error)") }
    }

    let config = """
        amqp_url = "amqps://consumer:filepass@api.invers.com:5671/FLT23"
        queues = ["q-file"]
        api_url = "https://file.example"
        client_id = "fleet#23"
        client_secret_file = "/secret"
        prefetch = 50
        theme = "mono"
        read_only = true
        ascii = true
        columns = ["id", "charge", "report"]
        sort = "-charge"
        bell = false
        notify = true
        offline_after = "30m"
        low_charge = 15
        stale_after = "2h"
        map = true
        """

    @Test func theConfigFileIsTheLastResort() throws {
        let s = try Settings.resolve(options: noFlags(), environment: ["XDG_CONFIG_HOME": "/cfg"],
                                     files: files(["/cfg/fleetwatch/config.toml": (config, false), "/secret": ("s3\n", false)]))
        #expect(s.amqpURL == "amqps://consumer:filepass@api.invers.com:5671/FLT23")
        #expect(s.redactedAMQPURL == "amqps://consumer:***@api.invers.com:5671/FLT23")
        #expect(s.queues == ["q-file"])
        #expect(s.apiURL == "https://file.example")
        #expect(s.tokenURL == "https://file.example/auth/oauth/token")
        #expect(s.clientID == "fleet#23")
        #expect(s.clientSecret?.value == "s3")
        #expect(s.prefetch == 50)
        #expect(s.theme == "mono")
        #expect(s.readOnly)
        #expect(s.ascii)
        #expect(s.view.map == true)
        #expect(s.configFile == "/cfg/fleetwatch/config.toml")
        #expect(s.warnings.isEmpty)
        #expect(s.view == ViewPreferences(map: true, columns: ["id", "charge", "report"], sort: "-charge", bell: false, notify: true,
                                          offlineAfter: "30m", lowCharge: 15, staleAfter: "2h"))
    }

    @Test func theEnvironmentWinsOverTheFileAndFlagsWinOverBoth() throws {
        let env = ["XDG_CONFIG_HOME": "/cfg", "FLEETWATCH_QUEUES": "q-env1, q-env2", "FLEETWATCH_API_URL": "https://env.example",
                   "INVERS_CLIENT_SECRET": "from-env", "FLEETWATCH_THEME": "light"]
        let fs = files(["/cfg/fleetwatch/config.toml": (config, false), "/secret": ("s3", false)])
        let fromEnv = try Settings.resolve(options: noFlags(), environment: env, files: fs)
        #expect(fromEnv.queues == ["q-env1", "q-env2"])
        #expect(fromEnv.apiURL == "https://env.example")
        #expect(fromEnv.clientSecret?.value == "from-env")
        #expect(fromEnv.theme == "light")

        var flags = noFlags()
        flags.queues = ["q-flag"]
        flags.apiURL = "http://127.0.0.1:8080"
        flags.theme = "solarized-dark"
        flags.prefetch = 300
        let fromFlags = try Settings.resolve(options: flags, environment: env, files: fs)
        #expect(fromFlags.queues == ["q-flag"])
        #expect(fromFlags.apiURL == "http://127.0.0.1:8080")
        #expect(fromFlags.tokenURL == "http://127.0.0.1:8080/auth/oauth/token")
        #expect(fromFlags.theme == "solarized-dark")
        #expect(fromFlags.prefetch == 300)
    }

    @Test func noConfigFileAtTheDefaultPlaceIsFine() throws {
        let s = try Settings.resolve(options: noFlags(), environment: ["HOME": "/home/me"], files: files([:]))
        #expect(s.configFile == nil)
        #expect(s.apiURL == "https://api.invers.com")
        #expect(s.prefetch == 200)
        #expect(!s.readOnly)
        #expect(!s.ascii)
        #expect(s.view.map == nil)
        #expect(s.clientID == nil && s.clientSecret == nil)
    }

    @Test func anExplicitConfigFileMustExist() {
        #expect(throws: SettingsError.configNotFound(path: "/nope.toml")) {
            try Settings.resolve(options: noFlags(), environment: ["FLEETWATCH_CONFIG": "/nope.toml"], files: files([:]))
        }
    }

    @Test func aSyntaxErrorNamesTheFileAndLine() {
        let fs = files(["/c.toml": ("prefetch = 5\nqueues = [\"a\"\ntheme = \"x\"\n", false)])
        do {
            _ = try Settings.resolve(options: noFlags(), environment: ["FLEETWATCH_CONFIG": "/c.toml"], files: fs)
            Issue.record("expected an error")
        } catch {
            // `resolve` throws SettingsError only (typed throws).
            guard case let .configInvalid(path, line, _) = error else { Issue.record("\(error)"); return }
            #expect(path == "/c.toml")
            #expect(line == 3)  // the unclosed array shows at the next line's key
            #expect(error.description.hasPrefix("/c.toml:"))
        }
    }

    @Test func anUnknownKeyIsNamed() {
        let fs = files(["/c.toml": ("prefech = 5\n", false)])
        #expect(throws: SettingsError.unknownConfigKey(path: "/c.toml", key: "prefech")) {
            try Settings.resolve(options: noFlags(), environment: ["FLEETWATCH_CONFIG": "/c.toml"], files: fs)
        }
    }

    @Test func aValueOfTheWrongTypeIsNamed() {
        let fs = files(["/c.toml": ("prefetch = \"many\"\n", false)])
        #expect(throws: SettingsError.configInvalid(path: "/c.toml", line: 1,
                                                    message: "prefetch must be a whole number, not a string")) {
            try Settings.resolve(options: noFlags(), environment: ["FLEETWATCH_CONFIG": "/c.toml"], files: fs)
        }
        let yes = files(["/c.toml": ("theme = \"x\"\nascii = \"yes\"\n", false)])
        #expect(throws: SettingsError.configInvalid(path: "/c.toml", line: 2,
                                                    message: "ascii must be true or false, not a string")) {
            try Settings.resolve(options: noFlags(), environment: ["FLEETWATCH_CONFIG": "/c.toml"], files: yes)
        }
    }

    @Test func badValuesAreRefusedWithoutShowingSecrets() {
        var flags = noFlags()
        flags.amqpURL = "http://user:hunter2@host/"
        do {
            _ = try Settings.resolve(options: flags, environment: [:], files: files([:]))
            Issue.record("expected an error")
        } catch {
            #expect(!"\(error)".contains("hunter2"))
            #expect("\(error)".contains("amqp://"))
        }
        flags = noFlags()
        flags.prefetch = 0
        #expect(throws: SettingsError.self) { try Settings.resolve(options: flags, environment: [:], files: files([:])) }
    }

    @Test func aPasswordOnTheCommandLineIsWarnedAbout() throws {
        var flags = noFlags()
        flags.amqpURL = "amqp://guest:guest@127.0.0.1:5672/%2f"
        let s = try Settings.resolve(options: flags, environment: [:], files: files([:]))
        #expect(s.warnings.count == 1)
        #expect(!s.warnings[0].contains("guest:guest"))
    }

    @Test func aSecretFileOthersCanReadIsRefused() {
        var flags = noFlags()
        flags.clientSecretFile = "/open"
        #expect(throws: SettingsError.secretFileTooOpen(path: "/open")) {
            try Settings.resolve(options: flags, environment: [:], files: files(["/open": ("s3", true)]))
        }
        flags.clientSecretFile = "/missing"
        #expect(throws: SettingsError.secretFileUnreadable(path: "/missing", reason: "no such file")) {
            try Settings.resolve(options: flags, environment: [:], files: files([:]))
        }
    }

    @Test func theRealFileSystemChecksPermissions() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("fleetwatch-settings-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let secret = dir.appendingPathComponent("secret").path
        try "s3cret\n".write(toFile: secret, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: secret)
        #expect(throws: SettingsError.secretFileTooOpen(path: secret)) { try SecretFile.read(path: secret) }
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: secret)
        #expect(try SecretFile.read(path: secret).value == "s3cret")
    }

    /// A private directory for real files, removed afterwards.
    func withDirectory(_ body: (URL) throws -> Void) throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("fleetwatch-secret-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try body(dir)
    }

    func writeSecret(_ path: String, mode: Int = 0o600) throws {
        try "s3cret-Vw2\n".write(toFile: path, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: path)
    }

    /// A symbolic link is not followed (whoever controls the link would choose the file), even to a good file.
    @Test func aSecretFileThatIsASymlinkIsRefused() throws {
        try withDirectory { dir in
            let target = dir.appendingPathComponent("secret").path
            try writeSecret(target)
            let link = dir.appendingPathComponent("link").path
            try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: target)
            let error = #expect(throws: SettingsError.self) { try SecretFile.read(path: link) }
            guard case let .secretFileUnreadable(path, reason)? = error else { Issue.record("\(String(describing: error))"); return }
            #expect(path == link)
            #expect(reason.contains("symbolic link"))
            #expect(error?.description.contains("s3cret-Vw2") == false)
            #expect(try SecretFile.read(path: target).value == "s3cret-Vw2")
        }
    }

    /// Group-readable (or world-readable) is refused, as ssh refuses a private key; 0o600 and 0o400 are fine.
    @Test func aGroupReadableSecretFileIsRefused() throws {
        try withDirectory { dir in
            let secret = dir.appendingPathComponent("secret").path
            for mode in [0o640, 0o604, 0o644, 0o660] {
                try writeSecret(secret, mode: mode)
                #expect(throws: SettingsError.secretFileTooOpen(path: secret), "\(String(mode, radix: 8))") {
                    try SecretFile.read(path: secret)
                }
            }
            for mode in [0o600, 0o400] {
                try writeSecret(secret, mode: mode)
                #expect(try SecretFile.read(path: secret).value == "s3cret-Vw2")
            }
        }
    }

    /// A file of another user is refused even when its mode is right: that user could read or replace it.
    @Test func aSecretFileOwnedByAnotherUserIsRefused() throws {
        try #require(geteuid() == 0, "needs root to give a file to another user")
        try withDirectory { dir in
            let secret = dir.appendingPathComponent("secret").path
            try writeSecret(secret)
            #expect(chown(secret, 65_534, 65_534) == 0)  // nobody
            #expect(throws: SettingsError.secretFileNotOwned(path: secret)) { try SecretFile.read(path: secret) }
            #expect(SettingsError.secretFileNotOwned(path: secret).description.contains("another user"))
        }
    }

    /// A FIFO or a directory is not a secret file; the FIFO does not block the open.
    @Test func aSecretPathThatIsNotARegularFileIsRefused() throws {
        try withDirectory { dir in
            let fifo = dir.appendingPathComponent("fifo").path
            #expect(mkfifo(fifo, 0o600) == 0)
            #expect(throws: SettingsError.secretFileUnreadable(path: fifo, reason: "it is not a regular file")) {
                try SecretFile.read(path: fifo)
            }
            #expect(throws: SettingsError.secretFileUnreadable(path: dir.path, reason: "it is not a regular file")) {
                try SecretFile.read(path: dir.path)
            }
        }
    }

    /// Extreme numbers in the config file are a clear error naming the setting, never a trap.
    @Test func extremeNumbersInTheConfigFileAreAClearError() {
        for value in ["1e400", "-1e400", "inf", "nan", "1.5", "9223372036854775807", "-9223372036854775808",
                      "99999999999999999999", "0", "-1", "65536", "0x7fffffffffffffff"] {
            let fs = files(["/c.toml": ("prefetch = \(value)\n", false)])
            do {
                let s = try Settings.resolve(options: noFlags(), environment: ["FLEETWATCH_CONFIG": "/c.toml"], files: fs)
                Issue.record("prefetch = \(value) was taken as \(s.prefetch)")
            } catch {
                switch error {
                case .configInvalid(let path, _, _): #expect(path == "/c.toml", "\(value)")
                case .invalidValue(let name, _, let reason):
                    #expect(name == "prefetch", "\(value)")
                    #expect(reason.contains("between 1 and 65535"))
                default: Issue.record("prefetch = \(value): \(error)")
                }
            }
        }
        let fs = files(["/c.toml": ("prefetch = 65535\n", false)])
        #expect((try? Settings.resolve(options: noFlags(), environment: ["FLEETWATCH_CONFIG": "/c.toml"], files: fs))?.prefetch == 65_535)
    }

    /// A syntax error never repeats a secret from the file: the message names the file and line.
    @Test func aSyntaxErrorDoesNotRepeatTheAMQPPassword() {
        for text in ["amqp_url = \"amqps://u:hunter2-Pw@h/v\n", "amqp_url = amqps://u:hunter2-Pw@h/v\n",
                     "amqp_url = \"amqps://u:hunter2-Pw@h/v\" x\n", "amqp_url = 'amqps://u:hunter2-Pw@h/v\n"] {
            do {
                _ = try Settings.resolve(options: noFlags(), environment: ["FLEETWATCH_CONFIG": "/c.toml"],
                                         files: files(["/c.toml": (text, false)]))
                Issue.record("expected a syntax error for \(text)")
            } catch {
                #expect(!error.description.contains("hunter2"), "\(error)")
                #expect(error.description.hasPrefix("/c.toml"))
            }
        }
    }

    /// `amqp://` to another machine is warned about; to this machine (parsed, not a prefix) it is not.
    @Test func clearTextAMQPToAnotherMachineIsWarnedAbout() throws {
        for url in ["amqp://u:p@127.evil.example/v", "amqp://u:p@10.0.0.5:5672/v", "amqp://api.invers.com",
                    "amqp://u:p/w@rd@broker.example", "amqp://[2001:db8::1]:5672/v", "amqp://127.1/"] {
            let s = try Settings.resolve(options: noFlags(), environment: ["FLEETWATCH_AMQP_URL": url], files: files([:]))
            #expect(s.warnings.count == 1, "\(url)")
            #expect(s.warnings.first?.contains("unencrypted") == true, "\(url)")
            #expect(s.warnings.first?.contains("amqps://") == true)
            #expect(s.warnings.allSatisfy { !$0.contains(":p@") && !$0.contains("w@rd") }, "\(url)")
        }
        for url in ["amqp://u:p@127.0.0.1:5672/%2f", "amqp://u:p@[::1]:5672/v", "amqp://localhost", "amqps://u:p@api.invers.com/v",
                    "amqp://u:p@127.0.0.1"] {
            let s = try Settings.resolve(options: noFlags(), environment: ["FLEETWATCH_AMQP_URL": url], files: files([:]))
            #expect(s.warnings.isEmpty, "\(url): \(s.warnings)")
        }
    }

    /// Every input on which `scripts/fuzz config` found toml++ (in TOMLKit) aborting the process is a syntax error
    /// that names its line (FlatTOMLTests has the grammar's own cases).
    @Test(arguments: [("[\n", 1), ("theme = \"x\"\n[ .x]\n", 2), ("\u{FEFF}[,", 1), ("host = \"x'''[y\"\n[[:a\n", 2),
                      ("b = 1979-05-27T:\n", 1), ("theme = \"x\"\nb = 1979-05-27Tx:00\n", 2), ("b= 1979-0\u{15}-27 0\n", 1),
                      ("b = [1979-05-27 5]\n", 1), ("queues = [\n  \"a\", # c\n}\n", 3)])
    func inputThatAbortedTheParserIsASyntaxError(text: String, line: Int) {
        do {
            _ = try Settings.resolve(options: noFlags(), environment: ["FLEETWATCH_CONFIG": "/c.toml"],
                                     files: files(["/c.toml": (text, false)]))
            Issue.record("expected a syntax error for \(text.debugDescription)")
        } catch {
            guard case let .configInvalid(path, got, _) = error else { Issue.record("\(error)"); return }
            #expect(path == "/c.toml" && got == line, "\(error)")
        }
    }

    @Test func bracesAndCommasInStringsAreValues() throws {
        let text = "queues = [\"a,}\", 'b, }',\n  \"c\\\", }\", # a comment\n]\n"
        let s = try Settings.resolve(options: noFlags(), environment: ["FLEETWATCH_CONFIG": "/c.toml"],
                                     files: files(["/c.toml": (text, false)]))
        #expect(s.queues == ["a,}", "b, }", "c\", }"])
    }
}
