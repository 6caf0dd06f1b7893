import FleetCore
import TOMLKit

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
        if let (line, problem) = ParserAbortCheck.firstUnparsableLine(in: text) {
            throw .configInvalid(path: path, line: line, message: problem.message)
        }
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw .configInvalid(path: path, line: error.source.begin.line, message: error.description)
        } catch {
            throw .configInvalid(path: path, line: nil, message: "\(error)")
        }
        for key in table.keys where !knownKeys.contains(key) { throw .unknownConfigKey(path: path, key: key) }

        func string(_ key: String) throws(SettingsError) -> String? {
            guard let value = table[key] else { return nil }
            guard let s = value.string else { throw wrongType(path, key, "a string") }
            return s
        }
        var file = ConfigFile()
        file.amqpURL = try string("amqp_url")
        file.apiURL = try string("api_url")
        file.tokenURL = try string("token_url")
        file.clientID = try string("client_id")
        file.clientSecretFile = try string("client_secret_file")
        file.tlsCA = try string("tls_ca")
        file.theme = try string("theme")
        if let value = table["prefetch"] {
            guard let n = value.int else { throw wrongType(path, "prefetch", "a whole number") }
            file.prefetch = n
        }
        if let value = table["read_only"] {
            guard let b = value.bool else { throw wrongType(path, "read_only", "true or false") }
            file.readOnly = b
        }
        if let value = table["ascii"] {
            guard let b = value.bool else { throw wrongType(path, "ascii", "true or false") }
            file.ascii = b
        }
        if let value = table["queues"] {
            guard let array = value.array else { throw wrongType(path, "queues", "an array of strings") }
            var queues: [String] = []
            for element in array {
                guard let s = element.string else { throw wrongType(path, "queues", "an array of strings") }
                queues.append(s)
            }
            file.queues = queues
        }
        return file
    }

    private static func wrongType(_ path: String, _ key: String, _ expected: String) -> SettingsError {
        .configInvalid(path: path, line: nil, message: "\(key) must be \(expected)")
    }
}
