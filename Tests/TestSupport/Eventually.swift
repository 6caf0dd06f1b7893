/// Polls `condition` until it holds or `timeout` passes, and returns whether it held: the way every test waits
/// for something that happens later. The poll interval is a pause between checks, never a synchronisation: the
/// test asserts the condition, not the time. Async, so waiting never holds a cooperative thread the code under
/// test needs.
public func eventually(timeout: Duration = .seconds(10), poll: Duration = .milliseconds(10),
                       _ condition: () async throws -> Bool) async rethrows -> Bool {
    let deadline = ContinuousClock.now.advanced(by: timeout)
    while ContinuousClock.now < deadline {
        if try await condition() { return true }
        try? await Task.sleep(for: poll)
    }
    return try await condition()
}

/// `eventually` with the timeout in seconds.
public func eventually(timeout seconds: Double, poll: Duration = .milliseconds(10),
                       _ condition: () async throws -> Bool) async rethrows -> Bool {
    try await eventually(timeout: .milliseconds(Int64(seconds * 1000)), poll: poll, condition)
}
