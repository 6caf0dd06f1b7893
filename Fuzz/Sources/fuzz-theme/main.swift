// fuzz-theme: a theme file → ThemeParser → the palette at every colour depth the terminal may have, and the
// error's message (which the dashboard shows) when the file is refused. The input is the file's bytes.
import FleetTUI
import FuzzDriver

@_cdecl("LLVMFuzzerTestOneInput")
public func testOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let text = String(decoding: FuzzDriver.bytes(data, size), as: UTF8.self)
    do {
        let theme = try ThemeParser.parse(text, file: "fuzz.theme")
        for depth in [ColorDepth.xterm256, .ansi16, .ansi8, .mono] {
            _ = Palette(theme: theme, depth: depth)
        }
    } catch {
        _ = error.description
    }
    return 0
}

FuzzDriver.run { testOneInput($0, $1) }
