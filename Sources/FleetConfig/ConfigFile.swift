import FleetCore
import FlatTOML

/// The config file (`config.toml`): the same settings as the flags, in snake case.
///
/// ```toml
/// amqp_url = "amqps://f-FLT23-c-CNSM23A:…@api.invers.com:5671/FLT23"
/// queues = ["vehicle-change", "trip", "smoke-detection"]
/// api_url = "https://api.invers.com"
/// client_id = "fleet#23"
/// client_secret_file = "/home/me/.config/fleetwatch/client-secret"
/// tls_ca = "/etc/ssl/certs/extra.pem"
/// prefetch = 200
/// theme = "solarized-dark"
/// read_only = true
/// ascii = true
/// ```
struct ConfigFile {
    var amqpURL: String?
    var queues: [String]?
    var apiURL: String?
    var tokenURL: String?
    var clientID: String?
    var clientSecretFile: String?
    var tlsCA: String?
    var prefetch: Int?
    var theme: String?
    var readOnly: Bool?
    var ascii: Bool?

    static let knownKeys = ["amqp_url", "queues", "api_url", "token_url", "client_id", "client_secret_file", "tls_ca",
                            "prefetch", "theme", "read_only", "ascii"]

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
            let (key, value) = (entry.key, entry.value)
            func string() throws(SettingsError) -> String {
                guard case .string(let s) = value else { throw wrongType(path, entry, "a string") }
                return s
            }
            func boolean() throws(SettingsError) -> Bool {
                guard case .boolean(let b) = value else { throw wrongType(path, entry, "true or false") }
                return b
            }
            switch key {
            case "amqp_url": file.amqpURL = try string()
            case "api_url": file.apiURL = try string()
            case "token_url": file.tokenURL = try string()
            case "client_id": file.clientID = try string()
            case "client_secret_file": file.clientSecretFile = try string()
            case "tls_ca": file.tlsCA = try string()
            case "theme": file.theme = try string()
            case "read_only": file.readOnly = try boolean()
            case "ascii": file.ascii = try boolean()
            case "prefetch":
                guard case .integer(let n) = value else { throw wrongType(path, entry, "a whole number") }
                file.prefetch = n
            case "queues":
                guard case .array(let elements) = value else { throw wrongType(path, entry, "an array of strings") }
                var queues: [String] = []
                for case .string(let s) in elements { queues.append(s) }
                guard queues.count == elements.count else { throw wrongType(path, entry, "an array of strings") }
                file.queues = queues
            default:
                throw .unknownConfigKey(path: path, key: key)
            }
        }
        return file
    }

    private static func wrongType(_ path: String, _ entry: FlatTOMLEntry, _ expected: String) -> SettingsError {
        .configInvalid(path: path, line: entry.line, message: "\(entry.key) must be \(expected), not \(entry.value.kind)")
    }
}
