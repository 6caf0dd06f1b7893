/// The themes that come with fleetwatch: the files in `themes/`, compiled into the binary (`PackageResources`, made
/// by SwiftPM's `embedInCode` from the link `Theme/BuiltinThemeFiles`), so an installed fleetwatch finds them without
/// a themes/ directory next to it.
public enum BuiltinThemes {
    /// In the order `t` cycles through them.
    public static let names = ["default", "light", "solarized-dark", "solarized-light", "high-contrast", "mono"]

    /// The file text of a built-in theme.
    public static func text(named name: String) -> String? {
        let bytes: [UInt8]
        switch name {
        case "default": bytes = PackageResources.default_theme
        case "light": bytes = PackageResources.light_theme
        case "solarized-dark": bytes = PackageResources.solarized_dark_theme
        case "solarized-light": bytes = PackageResources.solarized_light_theme
        case "high-contrast": bytes = PackageResources.high_contrast_theme
        case "mono": bytes = PackageResources.mono_theme
        default: return nil
        }
        return String(decoding: bytes, as: UTF8.self)
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
}
