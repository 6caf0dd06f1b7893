import Foundation
import Testing
@testable import FleetTUI

@Suite struct ThemeTests {
    static let repoThemes = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../themes").standardized

    @Test(arguments: BuiltinThemes.names)
    func builtInThemesAreTheirFilesAndDefineEverySlot(name: String) throws {
        let file = Self.repoThemes.appendingPathComponent("\(name).theme")
        let text = try String(contentsOf: file, encoding: .utf8)
        #expect(text == BuiltinThemes.text(named: name), "the built-in \(name) is not themes/\(name).theme")
        let theme = try ThemeParser.parse(text, file: file.path)
        #expect(theme.name == name)
        #expect(Set(theme.styles.keys) == Set(StyleSlot.allCases))
    }

    /// A theme file added to themes/ is built in only once `BuiltinThemes` names it.
    @Test func everyThemeFileIsBuiltIn() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.repoThemes.path)
            .filter { $0.hasSuffix(".theme") }.map { String($0.dropLast(".theme".count)) }
        #expect(Set(files) == Set(BuiltinThemes.names))
    }

    @Test func aBrokenThemeNamesTheFileAndLine() throws {
        let text = "name = \"x\"\n# fine\nonline = \"green\"\noffline = \"grene\"\n"
        let colour = try #require(throws: ThemeError.self) { try ThemeParser.parse(text, file: "themes/x.theme") }
        #expect(colour.file == "themes/x.theme")
        #expect(colour.line == 4)
        #expect(colour.description.hasPrefix("themes/x.theme:4: unknown colour or attribute `grene`"))
        let slot = try #require(throws: ThemeError.self) { try ThemeParser.parse("bogus_slot = \"red\"", file: "f.theme") }
        #expect(slot.line == 1)
        #expect(slot.message.contains("unknown slot `bogus_slot`"))
    }

    @Test func aBrokenThemeFileFallsBackToTheDefault() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("fw-themes-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try "name = \"broken\"\nselected = \"on\"\n".write(to: dir.appendingPathComponent("broken.theme"),
                                                         atomically: true, encoding: .utf8)
        let catalog = ThemeCatalog(searchDirectories: [dir.path])
        let (theme, error) = catalog.loadOrDefault("broken")
        #expect(theme.name == "default")
        #expect(error?.file == dir.appendingPathComponent("broken.theme").path)
        #expect(error?.line == 2)
        #expect(catalog.names().contains("broken"))
        #expect(catalog.loadOrDefault("light").0.name == "light")
    }

    @Test func valueSyntax() throws {
        let style = try ThemeParser.parseStyle("#fff on 236 bold reverse")
        #expect(style.foreground == .rgb(255, 255, 255))
        #expect(style.background == .indexed(236))
        #expect(style.attributes == [.bold, .reverse])
        #expect((try? ThemeParser.parseColor("bright_red")) == .indexed(9))
        #expect((try? ThemeParser.parseColor("default")) == .terminalDefault)
    }

    @Test func colourLadder() {
        #expect(ColorLadder.resolve(.rgb(0xd7, 0x87, 0x00), depth: .xterm256) == 172)
        #expect(ColorLadder.resolve(.rgb(255, 0, 0), depth: .xterm256) == 196)
        #expect(ColorLadder.resolve(.rgb(0x26, 0x26, 0x26), depth: .xterm256) == 235)
        #expect(ColorLadder.resolve(.rgb(250, 10, 10), depth: .ansi16) == 9)
        #expect(ColorLadder.resolve(.rgb(250, 10, 10), depth: .ansi8) == 1)
        #expect(ColorLadder.resolve(.indexed(196), depth: .ansi16) == 9)
        #expect(ColorLadder.resolve(.indexed(12), depth: .ansi8) == 4)
        #expect(ColorLadder.resolve(.terminalDefault, depth: .xterm256) == -1)
        #expect(ColorDepth(colors: 256, colorAllowed: true) == .xterm256)
        #expect(ColorDepth(colors: 8, colorAllowed: true) == .ansi8)
        #expect(ColorDepth(colors: 256, colorAllowed: false) == .mono)
    }

    @Test func monoStillShowsSelectionAndAlerts() {
        let palette = Palette(theme: BuiltinThemes.theme(named: "solarized-dark")!, depth: .mono)
        #expect(palette.themeName == "mono")
        #expect(palette[.selected].attributes.contains(.reverse))
        #expect(palette[.smokeAlert].attributes.contains(.reverse))
        #expect(palette[.selected].foreground == -1)
    }

    /// The map tells statuses apart by colour only where the palette does: the default theme at every colour
    /// depth; not `mono`, not any theme without colour (`NO_COLOR`), and not a theme that gives two statuses one
    /// colour (solarized's offline and smoke are both orange, told apart by bold alone): there it draws marks.
    @Test func theMapKnowsWhenStatusesHaveNoColourOfTheirOwn() {
        for depth in [ColorDepth.xterm256, .ansi16, .ansi8] {
            #expect(Palette(theme: BuiltinThemes.standard, depth: depth).tellsStatusesByColor, "\(depth)")
        }
        for name in BuiltinThemes.names {
            #expect(!Palette(theme: BuiltinThemes.theme(named: name)!, depth: .mono).tellsStatusesByColor, "\(name)")
        }
        #expect(!Palette(theme: BuiltinThemes.mono, depth: .xterm256).tellsStatusesByColor)
        #expect(!Palette(theme: BuiltinThemes.theme(named: "solarized-dark")!, depth: .xterm256).tellsStatusesByColor)
    }

    @Test func noThemeUsesBrightBlackForText() throws {
        for name in BuiltinThemes.names {
            let theme = BuiltinThemes.theme(named: name)!
            for slot in StyleSlot.allCases {
                #expect(theme.style(slot).foreground != .indexed(8), "\(name).\(slot.rawValue)")
            }
        }
    }
}
