// A copy of themes/*.theme, kept by hand (ThemeTests fails when a file and its copy differ): the built-in themes
// ship inside the binary, so an installed fleetwatch finds them without a themes/ directory next to it.

/// The themes that come with fleetwatch, as text in the theme file format.
public enum BuiltinThemes {
    /// In the order `t` cycles through them.
    public static let names = ["default", "light", "solarized-dark", "solarized-light", "high-contrast", "mono"]

    /// The file text of a built-in theme.
    public static func text(named name: String) -> String? {
        switch name {
        case "default": text_default
        case "light": text_light
        case "solarized-dark": text_solarized_dark
        case "solarized-light": text_solarized_light
        case "high-contrast": text_high_contrast
        case "mono": text_mono
        default: nil
        }
    }

    /// A built-in theme, parsed.
    public static func theme(named name: String) -> Theme? {
        guard let text = text(named: name) else { return nil }
        return try? ThemeParser.parse(text, file: "built-in \(name).theme")
    }

    /// The theme used when none is chosen or the chosen one is broken.
    public static var standard: Theme { theme(named: "default")! }
    /// The theme used without colour.
    public static var mono: Theme { theme(named: "mono")! }

    static let text_default = """
# fleetwatch theme: default (dark terminals)
#
# Format: one `slot = "value"` per line; `#` starts a comment. A value is words separated by spaces:
#   a foreground colour, optionally `on` and a background colour, and any attributes.
#   colours:    #RRGGBB, #RGB, 0-255 (xterm index), an ANSI name (black red green yellow blue magenta cyan
#               white, bright_black … bright_white), or `default` for the terminal's own colour
#   attributes: bold dim underline reverse italic blink
# Slots not listed take the `normal` style. The colours are resolved once for the terminal: nearest xterm-256
# index on 256-colour terminals, nearest ANSI colour on 8/16-colour ones; without colour (or with NO_COLOR)
# the `mono` theme is used instead.
name = "default"
normal = "default on default"
muted = "#8a8a8a"
border = "#6c6c6c"
border_focus = "cyan bold"
title = "bright_white bold"
title_filter = "yellow bold"
header = "default on #262626"
column_header = "#8a8a8a underline"
selected = "black on #5fafd7"
online = "green"
offline = "#d78700"
in_rental = "#5fafff"
locked = "magenta bold"
pending = "yellow bold"
smoke = "red bold"
smoke_alert = "bright_white on red bold"
status_ok = "green"
status_warn = "yellow"
status_error = "bright_red bold"
key_hint = "cyan bold"
paused = "black on yellow bold"
prompt = "bright_white bold"
dialog = "default on #303030"
danger = "red bold"
button = "default on #4e4e4e"
button_focus = "black on #5fafd7 bold"

"""

    static let text_light = """
# fleetwatch theme: light (light terminals; the terminal's own background is kept)
# Format: see default.theme.
name = "light"
normal = "default on default"
muted = "#6c6c6c"
border = "#9e9e9e"
border_focus = "blue bold"
title = "black bold"
title_filter = "#af5f00 bold"
header = "black on #e4e4e4"
column_header = "#585858 underline"
selected = "white on #005f87"
online = "#008700"
offline = "#af5f00"
in_rental = "#005faf"
locked = "#870087 bold"
pending = "#875f00 bold"
smoke = "#d70000 bold"
smoke_alert = "white on #d70000 bold"
status_ok = "#008700"
status_warn = "#875f00"
status_error = "#d70000 bold"
key_hint = "#005faf bold"
paused = "white on #af5f00 bold"
prompt = "black bold"
dialog = "black on #eeeeee"
danger = "#d70000 bold"
button = "black on #d0d0d0"
button_focus = "white on #005f87 bold"

"""

    static let text_solarized_dark = """
# fleetwatch theme: solarized-dark (Ethan Schoonover's palette). Never bright-black text: Solarized maps it
# onto the background (htop's "Broken Gray"); secondary text uses base01/base0 instead.
# Format: see default.theme.
name = "solarized-dark"
normal = "#839496 on default"
muted = "#586e75"
border = "#586e75"
border_focus = "#268bd2 bold"
title = "#93a1a1 bold"
title_filter = "#b58900 bold"
header = "#93a1a1 on #073642"
column_header = "#586e75 underline"
selected = "#fdf6e3 on #268bd2"
online = "#859900"
offline = "#cb4b16"
in_rental = "#2aa198"
locked = "#6c71c4 bold"
pending = "#b58900 bold"
smoke = "#dc322f bold"
smoke_alert = "#fdf6e3 on #dc322f bold"
status_ok = "#859900"
status_warn = "#b58900"
status_error = "#dc322f bold"
key_hint = "#268bd2 bold"
paused = "#002b36 on #b58900 bold"
prompt = "#93a1a1 bold"
dialog = "#93a1a1 on #073642"
danger = "#dc322f bold"
button = "#93a1a1 on #586e75"
button_focus = "#fdf6e3 on #268bd2 bold"

"""

    static let text_solarized_light = """
# fleetwatch theme: solarized-light (Ethan Schoonover's palette, light background).
# Format: see default.theme.
name = "solarized-light"
normal = "#657b83 on default"
muted = "#93a1a1"
border = "#93a1a1"
border_focus = "#268bd2 bold"
title = "#586e75 bold"
title_filter = "#b58900 bold"
header = "#586e75 on #eee8d5"
column_header = "#93a1a1 underline"
selected = "#fdf6e3 on #268bd2"
online = "#859900"
offline = "#cb4b16"
in_rental = "#2aa198"
locked = "#6c71c4 bold"
pending = "#b58900 bold"
smoke = "#dc322f bold"
smoke_alert = "#fdf6e3 on #dc322f bold"
status_ok = "#859900"
status_warn = "#b58900"
status_error = "#dc322f bold"
key_hint = "#268bd2 bold"
paused = "#fdf6e3 on #b58900 bold"
prompt = "#586e75 bold"
dialog = "#586e75 on #eee8d5"
danger = "#dc322f bold"
button = "#586e75 on #93a1a1"
button_focus = "#fdf6e3 on #268bd2 bold"

"""

    static let text_high_contrast = """
# fleetwatch theme: high-contrast (modus-style: about 7:1 contrast, colour-blind safe: blue for online,
# orange for offline rather than green and red).
# Format: see default.theme.
name = "high-contrast"
normal = "white on black"
muted = "#c6c6c6 on black"
border = "white on black"
border_focus = "bright_yellow on black bold"
title = "bright_white on black bold underline"
title_filter = "bright_yellow on black bold"
header = "black on white bold"
column_header = "bright_white on black underline"
selected = "black on bright_yellow bold"
online = "#5fafff on black bold"
offline = "#ffaf00 on black bold"
in_rental = "bright_cyan on black"
locked = "bright_magenta on black bold"
pending = "bright_yellow on black bold"
smoke = "#ffaf00 on black bold underline"
smoke_alert = "black on #ffaf00 bold"
status_ok = "bright_white on black"
status_warn = "bright_yellow on black bold"
status_error = "black on #ffaf00 bold"
key_hint = "bright_yellow on black bold"
paused = "black on bright_yellow bold"
prompt = "bright_white on black bold"
dialog = "bright_white on #1c1c1c"
danger = "#ffaf00 on #1c1c1c bold"
button = "white on #3a3a3a"
button_focus = "black on bright_yellow bold"

"""

    static let text_mono = """
# fleetwatch theme: mono (attributes only). Used for NO_COLOR and terminals without colour; selection and
# alerts still show through reverse, bold and underline.
# Format: see default.theme.
name = "mono"
normal = "default"
muted = "dim"
border = "default"
border_focus = "bold"
title = "bold"
title_filter = "bold underline"
header = "reverse"
column_header = "underline"
selected = "reverse"
online = "bold"
offline = "default"
in_rental = "underline"
locked = "bold"
pending = "bold underline"
smoke = "bold underline"
smoke_alert = "reverse bold blink"
status_ok = "default"
status_warn = "bold"
status_error = "reverse bold"
key_hint = "bold"
paused = "reverse bold"
prompt = "bold"
dialog = "default"
danger = "bold"
button = "default"
button_focus = "reverse bold"

"""

}
