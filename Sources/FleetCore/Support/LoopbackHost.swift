#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Whether `host` (of a URL) is this machine, where plain `amqp://` or `http://` crosses no network.
///
/// Decided by parsing, never by a prefix (`127.evil.example` is a name, not an address):
/// - an IPv4 address in 127.0.0.0/8, read by `inet_pton` (dotted quad only: the short forms some resolvers take,
///   `127.1` or `0x7f.1`, are not loopback here, so they get the warning: the safe side);
/// - the IPv6 loopback `::1` in any spelling (`[::1]`, `0:0::1`), and `::ffff:127.x.y.z`, an IPv4 loopback
///   mapped to IPv6;
/// - `localhost` and any name under it (`api.localhost`), which RFC 6761 reserves for loopback; a trailing dot
///   (`localhost.`) is the same name.
///
/// Names are not resolved: no other name counts, even one that resolves to 127.0.0.1.
public func isLoopbackHost(_ host: String) -> Bool {
    var name = host.lowercased()
    if name.hasPrefix("["), name.hasSuffix("]") { name = String(name.dropFirst().dropLast()) }
    // A NUL would end the C string early: "127.0.0.1\0.evil.example" must not read as 127.0.0.1.
    guard !name.isEmpty, !name.utf8.contains(0) else { return false }
    if name.hasSuffix("."), !name.hasSuffix("..") { name.removeLast() }
    if name == "localhost" || name.hasSuffix(".localhost") { return true }

    var v4 = in_addr()
    if inet_pton(AF_INET, name, &v4) == 1 {
        return withUnsafeBytes(of: v4) { $0[0] == 127 }  // network byte order: the first octet first
    }
    var v6 = in6_addr()
    if inet_pton(AF_INET6, name, &v6) == 1 {
        return withUnsafeBytes(of: v6) { bytes in
            let loopback: [UInt8] = Array(repeating: 0, count: 15) + [1]
            let mappedPrefix: [UInt8] = Array(repeating: 0, count: 10) + [0xFF, 0xFF]
            return bytes.elementsEqual(loopback) || (bytes.prefix(12).elementsEqual(mappedPrefix) && bytes[12] == 127)
        }
    }
    return false
}
