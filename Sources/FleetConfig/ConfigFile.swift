import FlatTOML

/// The config file (`config.toml`): the settings whose `SettingDefinition` has a config key, in snake case.
///
/// ```toml
/// amqp_url = "amqps://f-FLT23-c-CNSM23A:…@api.invers.com:5671/FLT23"
/// queues = ["vehicle-change", "trip", "smoke-detection"]
/// client_id = "fleet#23"
/// client_secret_file = "/home/me/.config/fleetwatch/client-secret"
/// prefetch = 200
/// read_only = true
/// ```
struct ConfigFile {
    private var values: [SettingDefinition: FlatTOMLValue] = [:]

    /// The keys a config file may hold.
    static var knownKeys: [String] { SettingDefinition.all.compactMap(\.configKey) }

    static func load(path: String, files: FileAccess) throws(SettingsError) -> ConfigFile {
        let text: String
        do {
            text = try files.read(path)
        } catch {
            throw .configUnreadable(path: path, reason: error.reason)
        }
        let entries: [FlatTOMLEntry]
        do throws(FlatTOMLError) {
            entries = try FlatTOML.read(text)
        } catch {
            throw .configInvalid(path: path, line: error.line, message: error.message)
        }
        var file = ConfigFile()
        for entry in entries {
            guard let definition = SettingDefinition.all.first(where: { $0.configKey == entry.key }) else {
                throw .unknownConfigKey(path: path, key: entry.key)
            }
            guard fits(entry.value, definition.kind) else {
                throw .configInvalid(path: path, line: entry.line,
                                     message: "\(entry.key) must be \(definition.configType), not \(entry.value.kind)")
            }
            file.values[definition] = entry.value
        }
        return file
    }

    func text(_ setting: SettingDefinition) -> String? {
        guard case .string(let s)? = values[setting] else { return nil }
        return s
    }

    func list(_ setting: SettingDefinition) -> [String]? {
        guard case .array(let elements)? = values[setting] else { return nil }
        return elements.compactMap { if case .string(let s) = $0 { s } else { nil } }
    }

    func wholeNumber(_ setting: SettingDefinition) -> Int? {
        guard case .integer(let n)? = values[setting] else { return nil }
        return n
    }

    func onOff(_ setting: SettingDefinition) -> Bool? {
        guard case .boolean(let b)? = values[setting] else { return nil }
        return b
    }

    private static func fits(_ value: FlatTOMLValue, _ kind: SettingDefinition.Kind) -> Bool {
        switch (kind, value) {
        case (.text, .string), (.wholeNumber, .integer), (.onOff, .boolean): true
        case (.list, .array(let elements)): elements.allSatisfy { if case .string = $0 { true } else { false } }
        default: false
        }
    }
}
