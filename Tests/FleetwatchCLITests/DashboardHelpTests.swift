import FleetTUI
import Testing

/// `fleetwatch dashboard --help`, run as the built binary.
@Suite struct DashboardHelpTests {
    /// The keys it names are the hint line's, from the keymap: a key moved in the table moves in the help too.
    @Test func theKeysComeFromTheKeymap() async throws {
        let run = try await fleetwatch(["dashboard", "--help"], environment: [:])
        #expect(run.status == 0)
        // The help is wrapped to the terminal's width: compare with the line breaks taken out.
        let text = run.stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        let hints = Keymap.standard.hints
        #expect(hints.count >= 5)
        for hint in hints { #expect(text.contains("\(hint.key) \(hint.word)"), "\(hint)") }
    }
}
