import Foundation

/// Finds a theme by name or path: a file path; else `NAME.theme` (or `.conf`) in
/// `$XDG_CONFIG_HOME/fleetwatch/themes/`, in `themes/` next to the executable or in `../share/fleetwatch/themes`,
/// in `./themes/`; else a built-in theme.
public struct ThemeCatalog: Sendable {
    public var searchDirectories: [String]

    public init(searchDirectories: [String]) { self.searchDirectories = searchDirectories }

    /// The usual places, for this process's environment and executable.
    public static func standard(environment: [String: String] = ProcessInfo.processInfo.environment) -> ThemeCatalog {
        var dirs: [String] = []
        if let xdg = environment["XDG_CONFIG_HOME"], !xdg.isEmpty {
            dirs.append(xdg + "/fleetwatch/themes")
        } else if let home = environment["HOME"], !home.isEmpty {
            dirs.append(home + "/.config/fleetwatch/themes")
        }
        let executable = URL(fileURLWithPath: CommandLine.arguments.first ?? ".").resolvingSymlinksInPath()
        let binDir = executable.deletingLastPathComponent().path
        dirs.append(binDir + "/themes")
        dirs.append(binDir + "/../share/fleetwatch/themes")
        dirs.append(FileManager.default.currentDirectoryPath + "/themes")
        return ThemeCatalog(searchDirectories: dirs)
    }

    /// The theme `nameOrPath` names. A file that exists but is broken is an error naming its file and line.
    public func load(_ nameOrPath: String) throws(ThemeError) -> Theme {
        if nameOrPath.contains("/") {
            return try loadFile(nameOrPath)
        }
        for dir in searchDirectories {
            for ext in ["theme", "conf"] {
                let path = "\(dir)/\(nameOrPath).\(ext)"
                if FileManager.default.fileExists(atPath: path) { return try loadFile(path) }
            }
        }
        if let builtin = BuiltinThemes.theme(named: nameOrPath) { return builtin }
        throw ThemeError(file: nameOrPath, line: 0, message: "no such theme (built-in: "
                         + BuiltinThemes.names.joined(separator: ", ") + "; or give a file path)")
    }

    /// The theme `nameOrPath` names, or the default with the error that made it fall back.
    public func loadOrDefault(_ nameOrPath: String?) -> (Theme, ThemeError?) {
        guard let nameOrPath, !nameOrPath.isEmpty else { return (BuiltinThemes.standard, nil) }
        do {
            return (try load(nameOrPath), nil)
        } catch {
            return (BuiltinThemes.standard, error)
        }
    }

    /// Names to cycle through with `t`: the built-ins, then themes found in the search directories.
    public func names() -> [String] {
        var names = BuiltinThemes.names
        for dir in searchDirectories {
            let files = (try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []
            for file in files.sorted() where file.hasSuffix(".theme") || file.hasSuffix(".conf") {
                let name = String(file[..<file.lastIndex(of: ".")!])
                if !names.contains(name) { names.append(name) }
            }
        }
        return names
    }

    private func loadFile(_ path: String) throws(ThemeError) -> Theme {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ThemeError(file: path, line: 0, message: "cannot read the file")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ThemeError(file: path, line: 0, message: "not UTF-8 text")
        }
        return try ThemeParser.parse(text, file: path)
    }
}
