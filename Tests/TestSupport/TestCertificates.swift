import Foundation

/// A throwaway CA and a server certificate for `localhost` / `127.0.0.1` signed by it, made with the openssl CLI
/// in a temporary directory (no keys are committed).
public struct TestCertificates: Sendable {
    public let directory: URL
    public var caFile: String { directory.appendingPathComponent("ca.pem").path }
    public var certificateFile: String { directory.appendingPathComponent("server.pem").path }
    public var keyFile: String { directory.appendingPathComponent("server.key").path }
    /// A second CA that signed nothing here: trusting it must not make the server trusted.
    public var otherCAFile: String { directory.appendingPathComponent("other-ca.pem").path }

    public static func make() async throws -> TestCertificates {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("fw-tls-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try """
            subjectAltName=DNS:localhost,IP:127.0.0.1
            basicConstraints=CA:FALSE
            keyUsage=digitalSignature
            extendedKeyUsage=serverAuth
            """.write(to: directory.appendingPathComponent("ext.cnf"), atomically: true, encoding: .utf8)
        let ec = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes"]
        let ca = ["-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign"]
        try await openssl(["req", "-x509"] + ec + ["-days", "2", "-subj", "/CN=fleetwatch test CA",
                          "-keyout", "ca.key", "-out", "ca.pem"] + ca, in: directory)
        try await openssl(["req", "-x509"] + ec + ["-days", "2", "-subj", "/CN=another test CA",
                          "-keyout", "other-ca.key", "-out", "other-ca.pem"] + ca, in: directory)
        try await openssl(["req"] + ec + ["-subj", "/CN=localhost", "-keyout", "server.key", "-out", "server.csr"],
                          in: directory)
        try await openssl(["x509", "-req", "-in", "server.csr", "-CA", "ca.pem", "-CAkey", "ca.key",
                           "-CAcreateserial", "-days", "2", "-extfile", "ext.cnf", "-out", "server.pem"], in: directory)
        return TestCertificates(directory: directory)
    }

    public func remove() { try? FileManager.default.removeItem(at: directory) }

    private static func openssl(_ arguments: [String], in directory: URL) async throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/openssl")
        process.arguments = arguments
        process.currentDirectoryURL = directory
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        let exited = AsyncStream<Int32>.makeStream()
        process.terminationHandler = { exited.continuation.yield($0.terminationStatus) }
        try process.run()
        for await status in exited.stream {
            guard status == 0 else { throw CertificateError.opensslFailed(arguments.joined(separator: " "), status) }
            return
        }
    }

    public enum CertificateError: Error { case opensslFailed(String, Int32) }
}
