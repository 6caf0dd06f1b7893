import FlatTOML
import Foundation
import Testing

/// The grammar lets through what the config and theme files need and refuses the rest with a line to fix, before
/// toml++ (which aborts on some malformed input) sees it.
@Suite struct FlatTOMLTests {
    @Test func readsTheSettingsAFileNeeds() throws {
        let text = """
            \u{FEFF}# a comment\r
            amqp_url = "amqps://u@h:5671/v"   # after a value\r
            queues = [
              "a", 'b\\c',  # literal: no escapes
              "\\u00e9\\t",
            ]
            prefetch = +1_000
            offset = -5
            read_only = true
            ascii = false
            empty = []

            """
        let entries = try FlatTOML.read(text)
        #expect(entries == [
            FlatTOMLEntry(key: "amqp_url", value: .string("amqps://u@h:5671/v"), line: 2),
            FlatTOMLEntry(key: "queues", value: .array([.string("a"), .string("b\\c"), .string("é\t")]), line: 3),
            FlatTOMLEntry(key: "prefetch", value: .integer(1000), line: 7),
            FlatTOMLEntry(key: "offset", value: .integer(-5), line: 8),
            FlatTOMLEntry(key: "read_only", value: .boolean(true), line: 9),
            FlatTOMLEntry(key: "ascii", value: .boolean(false), line: 10),
            FlatTOMLEntry(key: "empty", value: .array([]), line: 11),
        ])
        #expect(try FlatTOML.read("").isEmpty)
        #expect(try FlatTOML.read("# only a comment").isEmpty)
    }

    /// Each refusal names the line and says what to write instead.
    @Test(arguments: [
        ("[server]\n", 1, "this file has no tables"),
        ("a = 1\nb.c = 2\n", 2, "`.` is not used"),
        ("\"a\" = 1\n", 1, "without quotes"),
        ("a 1\n", 1, "expected `=` after `a`"),
        ("a =\n", 1, "expected a value after `=`"),
        ("a = ", 1, "expected a value after `=`"),
        ("offline = #d78700\n", 1, "needs quotes"),
        ("a = \"\"\"\nx\n\"\"\"\n", 1, "multi-line strings"),
        ("a = '''x'''\n", 1, "multi-line strings"),
        ("a = { b = 1 }\n", 1, "inline tables"),
        ("a = 1979-05-27\n", 1, "dates, times and decimals"),
        ("a = 07:32:00\n", 1, "dates, times and decimals"),
        ("a = 1.5\n", 1, "dates, times and decimals"),
        ("a = 0x1F\n", 1, "dates, times and decimals"),
        ("a = 1__0\n", 1, "dates, times and decimals"),
        ("a = 1_\n", 1, "dates, times and decimals"),
        ("a = 12345678901234567890\n", 1, "more than 19 digits"),
        ("a = inf\n", 1, "expected a value"),
        ("a = yes\n", 1, "expected a value"),
        ("a = truee\n", 1, "expected a value"),
        ("a = [[1]]\n", 1, "an array inside an array"),
        ("a = [1 2]\n", 1, "expected `,` or `]`"),
        ("x = 1\na = [\n1,\n", 2, "no closing `]`"),
        ("a = \"x\n", 1, "must end on its own line"),
        ("a = 'x", 1, "must end on its own line"),
        ("a = \"\\q\"\n", 1, "unknown escape"),
        ("a = \"\\u12\"\n", 1, "4 hex digits"),
        ("a = \"\\U0001F60\"\n", 1, "8 hex digits"),
        ("a = \"x\u{1}\"\n", 1, "control character"),
        ("# x\u{0}\n", 1, "control character"),
        ("a = 1\rb = 2\n", 1, "carriage return"),
        ("a = 1 b = 2\n", 1, "end of the line after the value of `a`"),
        ("= 1\n", 1, "expected a setting"),
    ] as [(String, Int, String)])
    func refusesWhatTheFilesDoNotUse(text: String, line: Int, message: String) {
        do {
            let entries = try FlatTOML.read(text)
            Issue.record("\(text.debugDescription) read as \(entries)")
        } catch {
            #expect(error.line == line, "\(text.debugDescription): \(error)")
            #expect(error.message.contains(message), "\(text.debugDescription): \(error.message)")
        }
    }

    /// What the grammar lets through and TOMLKit refuses is still an error with a line.
    @Test func aDuplicateKeyIsTheParsersError() {
        #expect(throws: FlatTOMLError.self) { try FlatTOML.read("a = 1\nb = 2\na = 3\n") }
        do {
            _ = try FlatTOML.read("a = 1\nb = 2\na = 3\n")
        } catch {
            #expect(error.line == 3, "\(error)")
        }
        #expect(throws: FlatTOMLError.self) { try FlatTOML.read("a = \"\\uD800\"\n") }  // a surrogate names no character
    }

    /// Every committed config fuzz input reads or is refused without taking the process down; those that once
    /// aborted toml++ (the `crash.*` files and the shapes named after them) are refused by the grammar itself.
    @Test func theFuzzCorpusIsReadOrRefused() throws {
        let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../Fuzz/corpus/config").standardized
        let files = try FileManager.default.contentsOfDirectory(atPath: corpus.path).sorted()
        let aborted = ["brace-for-value.toml", "date-with-short-time.toml", "date-without-time.toml",
                       "table-header-without-name.toml"]
        #expect(files.count >= 10)
        for file in files {
            let text = String(decoding: try Data(contentsOf: corpus.appendingPathComponent(file)), as: UTF8.self)
            do {
                _ = try FlatTOML.read(text)
                #expect(!file.hasPrefix("crash.") && !aborted.contains(file), "\(file) was let through")
            } catch {
                #expect(error.line != nil, "\(file): \(error)")
            }
        }
    }
}
