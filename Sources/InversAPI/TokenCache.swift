import FleetCore

/// An OAuth access token and when to stop using it.
struct AccessToken: Sendable, Hashable {
    var value: Secret
    /// Renew from this instant on: a little before the token expires.
    var renewAt: ContinuousClock.Instant
    /// What was wrong with the token answer (an `expires_in` out of bounds), for the user; nil when all was well.
    var note: String? = nil
}

/// Keeps the current access token and renews it: until shortly before it expires the cached token is used, and
/// however many callers find it stale at once, they share one token request.
actor TokenCache {
    typealias Fetch = @Sendable () async -> Result<AccessToken, CommandFailure>

    private let fetch: Fetch
    private var current: AccessToken?
    private var renewal: Task<Result<AccessToken, CommandFailure>, Never>?
    /// The notes of the token answers received, oldest first, without repeats; at most `maxNotes`.
    private(set) var notes: [String] = []
    private static let maxNotes = 8

    init(fetch: @escaping Fetch) { self.fetch = fetch }

    /// A token that is good for now, from the cache or from the one renewal in flight.
    func token() async throws(CommandFailure) -> AccessToken {
        if let current, ContinuousClock.now < current.renewAt { return current }
        let task: Task<Result<AccessToken, CommandFailure>, Never>
        if let renewal {
            task = renewal
        } else {
            let fetch = self.fetch
            task = Task { await fetch() }
            renewal = task
        }
        let result = await task.value
        if renewal == task {
            renewal = nil
            if case .success(let token) = result {
                current = token
                if let note = token.note, !notes.contains(note) {
                    notes.append(note)
                    if notes.count > Self.maxNotes { notes.removeFirst() }
                }
            }
        }
        return try result.get()
    }

    /// Drops `token` after the API refused it (401 invalid-credentials). A token already replaced by another
    /// caller's renewal stays, so that many requests refused at once still cause only one renewal.
    func invalidate(_ token: AccessToken) {
        if current == token { current = nil }
    }
}
