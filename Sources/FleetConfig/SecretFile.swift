import FleetCore

/// Reads a secret (the OAuth client secret) from a file that only its owner can read.
public enum SecretFile {
    /// The file's content without a trailing newline. Refuses a file that the group or others can read.
    public static func read(path: String, files: FileAccess = .system) throws(SettingsError) -> Secret {
        guard files.exists(path) else { throw .secretFileUnreadable(path: path, reason: "no such file") }
        if files.isReadableByOthers(path) { throw .secretFileTooOpen(path: path) }
        let text: String
        do {
            text = try files.read(path)
        } catch {
            throw .secretFileUnreadable(path: path, reason: error.reason)
        }
        var value = Substring(text)
        while let last = value.last, last == "\n" || last == "\r" { value.removeLast() }
        guard !value.isEmpty else { throw .secretFileUnreadable(path: path, reason: "the file is empty") }
        return Secret(String(value))
    }
}
