import FleetCore
import Foundation

/// The file a dashboard keeps its `StreamCheckpoint` in: `$XDG_STATE_HOME/fleetwatch/offsets/`, one file per
/// broker, vhost and stream, replaced atomically (written beside it, then renamed) so that a crash leaves either
/// the old checkpoint or the new one, never half of one.
public struct CheckpointFile: Sendable {
    public let path: String

    public init(path: String) { self.path = path }

    /// The file for `stream` on `broker` (`host:port`) and `vhost`, under `$XDG_STATE_HOME` (an absolute path) or
    /// `~/.local/state`; nil without either.
    public init?(broker: String, vhost: String, stream: String, environment: [String: String]) {
        let base: String
        if let state = environment["XDG_STATE_HOME"], state.hasPrefix("/") {
            base = state
        } else if let home = environment["HOME"], !home.isEmpty {
            base = home + "/.local/state"
        } else {
            return nil
        }
        path = "\(base)/fleetwatch/offsets/\(Self.fileName(broker: broker, vhost: vhost, stream: stream))"
    }

    /// Each part percent-encoded (so `/`, `,` and control characters cannot escape or confuse the name), joined by
    /// commas. A name past what a file system takes is cut and made unique again by a hash of the whole.
    static func fileName(broker: String, vhost: String, stream: String) -> String {
        let name = [broker, vhost, stream].map { PercentEncoding.encode($0) }.joined(separator: ",")
        guard name.utf8.count > 200 else { return name + ".json" }
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325  // FNV-1a: stable across runs, unlike `Hasher`
        for byte in name.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return String(name.utf8.prefix(180))! + "," + String(hash, radix: 16) + ".json"
    }

    /// What is saved, nil when nothing is; throws, with a reason fit to show, for a file that cannot be used.
    public func load() throws(CheckpointFileError) -> StreamCheckpoint? {
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        guard let handle = FileHandle(forReadingAtPath: path) else { throw .unreadable(path) }
        defer { try? handle.close() }
        // A checkpoint is a few hundred bytes: anything much larger is not one.
        guard let data = try? handle.read(upToCount: 64 * 1024), data.count < 64 * 1024 else { throw .malformed(path) }
        guard let checkpoint = try? JSONDecoder().decode(StreamCheckpoint.self, from: data), checkpoint.isValid else {
            throw .malformed(path)
        }
        return checkpoint
    }

    /// Replaces the file with `checkpoint`: written to a temporary file in the same directory, flushed to disk,
    /// then renamed over the old one.
    public func save(_ checkpoint: StreamCheckpoint) throws(CheckpointFileError) {
        let directory = (path as NSString).deletingLastPathComponent
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true,
                                                    attributes: [.posixPermissions: 0o700])
        } catch {
            throw .unwritable(path)
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        guard var data = try? encoder.encode(checkpoint) else { throw .unwritable(path) }
        data.append(UInt8(ascii: "\n"))
        let temporary = "\(path).\(getpid()).tmp"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw .unwritable(path) }
        let written = data.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        let synced = fsync(fd) == 0
        close(fd)
        guard written == data.count, synced, rename(temporary, path) == 0 else {
            unlink(temporary)
            throw .unwritable(path)
        }
    }
}

/// Why a checkpoint file could not be used; the dashboard says so and reads the default window instead.
public enum CheckpointFileError: Error, Hashable, Sendable, CustomStringConvertible {
    case unreadable(String)
    case malformed(String)
    case unwritable(String)

    public var description: String {
        switch self {
        case let .unreadable(path): "cannot read the saved stream offset \(SafeText.sanitize(path))"
        case let .malformed(path): "the saved stream offset \(SafeText.sanitize(path)) is not a valid checkpoint"
        case let .unwritable(path): "cannot save the stream offset to \(SafeText.sanitize(path))"
        }
    }
}
