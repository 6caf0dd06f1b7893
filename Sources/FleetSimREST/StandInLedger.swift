import FleetCore
import FleetSim

/// The stand-in's bookkeeping, shared by all requests: issued tokens, the rate-limit window, faults waiting to be
/// shown, and how many requests each route received (tests assert "the right number of requests" on it).
final class StandInLedger: Sendable {
    private struct Books {
        var tokens: [String: ContinuousClock.Instant] = [:]
        var requests: [StandInRoute: Int] = [:]
        var statuses: [Int: Int] = [:]
        var faults: [StandInRoute: [StandInFault]] = [:]
        var windowStart: ContinuousClock.Instant?
        var windowCount = 0
    }

    private let books = Locked(Books())

    // MARK: Tokens

    /// Issues a new random token valid for `ttl`.
    func issueToken(ttl: Duration) -> String {
        var generator = SystemRandomNumberGenerator()
        let token = (0..<4).map { _ in
            let hex = String(generator.next() as UInt64, radix: 16)
            return String(repeating: "0", count: 16 - hex.count) + hex
        }.joined()
        let now = ContinuousClock.now
        books.withLock { b in
            // Forget expired tokens now and then, so a client that asks for many cannot grow the table forever.
            if b.tokens.count >= 1024 { b.tokens = b.tokens.filter { now < $0.value } }
            b.tokens[token] = now.advanced(by: ttl)
        }
        return token
    }

    /// Whether `token` was issued and has not expired.
    func isValid(token: String) -> Bool {
        books.withLock { b in b.tokens[token].map { ContinuousClock.now < $0 } ?? false }
    }

    func revokeAllTokens() { books.withLock { $0.tokens.removeAll() } }

    // MARK: Counting

    func count(request route: StandInRoute) { books.withLock { $0.requests[route, default: 0] += 1 } }
    func count(status: Int) { books.withLock { $0.statuses[status, default: 0] += 1 } }
    func requests(_ route: StandInRoute) -> Int { books.withLock { $0.requests[route] ?? 0 } }
    func responses(status: Int) -> Int { books.withLock { $0.statuses[status] ?? 0 } }

    func resetCounts() {
        books.withLock { b in
            b.requests.removeAll()
            b.statuses.removeAll()
        }
    }

    // MARK: Faults

    func inject(_ fault: StandInFault, on route: StandInRoute, times: Int) {
        books.withLock { $0.faults[route, default: []].append(contentsOf: repeatElement(fault, count: times)) }
    }

    /// The next fault waiting for `route`, removed from the queue.
    func nextFault(on route: StandInRoute) -> StandInFault? {
        books.withLock { b in
            guard var queue = b.faults[route], !queue.isEmpty else { return nil }
            let fault = queue.removeFirst()
            b.faults[route] = queue
            return fault
        }
    }

    func clearFaults() { books.withLock { $0.faults.removeAll() } }

    // MARK: Rate limit

    /// Counts one request against `limit`; returns the seconds to wait when it is over the limit.
    func admit(under limit: RateLimit) -> Int? {
        let now = ContinuousClock.now
        return books.withLock { b in
            if let start = b.windowStart, now - start < limit.window {
                b.windowCount += 1
            } else {
                b.windowStart = now
                b.windowCount = 1
            }
            guard b.windowCount > limit.requests, let start = b.windowStart else { return nil }
            let remaining = limit.window - (now - start)
            let (seconds, attoseconds) = remaining.components
            return max(1, Int(seconds) + (attoseconds > 0 ? 1 : 0))
        }
    }
}
