import FleetCore

/// Reads a secret (the OAuth client secret) from a file that only its owner can read.
public enum SecretFile {
    /// The file's content without a trailing newline. Refuses, as ssh refuses a private key, a symbolic link, a
    /// file that is not regular, a file of another user, and a file that the group or others can read; the
    /// checks and the read go through one open descriptor (`FileAccess.readPrivate`).
    public static func read(path: String, files: FileAccess = .system) throws(SettingsError) -> Secret {
        let text: String
        do {
            text = try files.readPrivate(path)
        } catch {
            switch error {
            case .missing: throw .secretFileUnreadable(path: path, reason: "no such file")
            case .symbolicLink:
                throw .secretFileUnreadable(path: path, reason: "it is a symbolic link, which is not followed: give the path of the file itself")
            case .notARegularFile: throw .secretFileUnreadable(path: path, reason: "it is not a regular file")
            case .ownedByAnotherUser: throw .secretFileNotOwned(path: path)
            case .readableByOthers: throw .secretFileTooOpen(path: path)
            case .unreadable(let reason): throw .secretFileUnreadable(path: path, reason: reason)
            }
        }
        var value = Substring(text)
        while let last = value.last, last == "\n" || last == "\r" { value.removeLast() }
        guard !value.isEmpty else { throw .secretFileUnreadable(path: path, reason: "the file is empty") }
        return Secret(String(value))
    }
}
