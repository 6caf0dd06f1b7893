import Foundation
import TestSupport
import Testing

/// What the `fleetwatch` binary an operator installs links: the stand-in's HTTP server (Hummingbird) is for
/// `fleetsim` and the tests only, so `--demo` must not pull it in.
@Suite struct BinaryContentsTests {
    @Test func fleetwatchLinksNoHTTPServer() throws {
        let binary = try fleetwatchBinary()
        let symbols = try Self.symbols(of: binary)
        #expect(symbols.count > 1000, "nm listed too little to judge: \(symbols.count) symbols")
        let server = symbols.filter { $0.contains("Hummingbird") }
        #expect(server.isEmpty, "fleetwatch links Hummingbird: \(server.prefix(3))")
    }

    /// The symbol names `nm` lists for `path`.
    static func symbols(of path: String) throws -> [Substring] {
        let nm = try CommandOutput.run(URL(fileURLWithPath: "/usr/bin/nm"), [path])
        try #require(nm.status == 0, "nm failed on \(path)")
        return String(decoding: nm.stdout, as: UTF8.self).split(separator: "\n")
    }
}
