import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Spawns a process (signals at their defaults: a test runner may ignore some, and children would inherit that),
/// stdin from /dev/null, stdout to a file, stderr to a file or /dev/null.
func spawn(_ argv: [String], environment: [String: String]? = nil, stdout: String = "/dev/null",
           stderr: String = "/dev/null") -> pid_t? {
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, stdout, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    posix_spawn_file_actions_addopen(&actions, 2, stderr, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    var all = sigset_t()
    sigfillset(&all)
    posix_spawnattr_setsigdefault(&attributes, &all)
    var none = sigset_t()
    sigemptyset(&none)
    posix_spawnattr_setsigmask(&attributes, &none)
    posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))
    var cArguments = argv.map { strdup($0) } + [nil]
    defer { for p in cArguments { free(p) } }
    var merged = ProcessInfo.processInfo.environment
    for (k, v) in environment ?? [:] { merged[k] = v }
    var cEnvironment = merged.map { strdup("\($0.key)=\($0.value)") } + [nil]
    defer { for p in cEnvironment { free(p) } }
    var pid: pid_t = 0
    guard posix_spawnp(&pid, argv[0], &actions, &attributes, &cArguments, &cEnvironment) == 0 else { return nil }
    return pid
}

/// Waits for a child to end.
func reap(_ pid: pid_t) {
    var status: Int32 = 0
    while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
}

/// Whether a TCP connection to the host and port of `url` (`amqp://user:pass@host:port/vhost`) succeeds.
func tcpReachable(_ url: String) -> Bool {
    var rest = Substring(url)
    if let scheme = rest.range(of: "://") { rest = rest[scheme.upperBound...] }
    if let at = rest.lastIndex(of: "@") { rest = rest[rest.index(after: at)...] }
    if let slash = rest.firstIndex(of: "/") { rest = rest[..<slash] }
    let parts = rest.split(separator: ":")
    let host = parts.first.map(String.init) ?? "127.0.0.1"
    let port = parts.count > 1 ? UInt16(parts[1]) ?? 5672 : 5672
    var hints = addrinfo()
    hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
    var result: UnsafeMutablePointer<addrinfo>?
    guard getaddrinfo(host, String(port), &hints, &result) == 0, let info = result else { return false }
    defer { freeaddrinfo(result) }
    let fd = socket(info.pointee.ai_family, info.pointee.ai_socktype, info.pointee.ai_protocol)
    guard fd >= 0 else { return false }
    defer { close(fd) }
    return connect(fd, info.pointee.ai_addr, info.pointee.ai_addrlen) == 0
}
