// fuzz-config: a config file's text → Settings.resolve, as `fleetwatch` reads `--config FILE`: TOMLKit's parser,
// the key and type checks, the URL and prefetch checks, and the secret file it may name, which must never show in
// the settings or an error. The input is the file's bytes; no real file is touched (`FileAccess` answers from
// memory).
import FleetConfig
import FuzzDriver

let configPath = "/fuzz/config.toml"
/// What every other file holds, so a `client_secret_file` the input names reads as this secret.
let secret = "fuzz-client-secret-0f5e"

/// The options with no flag given (parsed once: ArgumentParser reads its definitions on every parse).
let noFlags = try! ConnectionOptions.parse([])

@_cdecl("LLVMFuzzerTestOneInput")
public func testOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let text = String(decoding: FuzzDriver.bytes(data, size), as: UTF8.self)
    let files = FileAccess(
        exists: { _ in true },
        read: { (path) throws(FileAccessError) -> String in path == configPath ? text : secret + "\n" },
        isReadableByOthers: { path in path == configPath })
    var flags = noFlags
    flags.config = configPath
    do {
        let settings = try Settings.resolve(options: flags, environment: [:], files: files)
        _ = settings.redactedAMQPURL
        precondition(!"\(settings)".contains(secret), "the settings print the client secret")
    } catch {
        precondition(!error.description.contains(secret), "an error message holds the client secret")
    }
    return 0
}

FuzzDriver.run { testOneInput($0, $1) }
