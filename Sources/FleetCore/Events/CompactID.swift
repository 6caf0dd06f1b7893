/// How an `Event` keeps its id and its flow id: inline when the text is ASCII and at most `inlineCapacity` bytes
/// long (both are UUIDs, 36), as a `String` otherwise. Decoding an event then allocates nothing for them; a `String`
/// of a UUID was an allocation, the consumer's largest single cost in `malloc` (`perf`, catch-up benchmark).
struct CompactID: Sendable {
    /// The longest id kept inline, in bytes.
    static let inlineCapacity = 40

    private typealias Words = (UInt64, UInt64, UInt64, UInt64, UInt64)
    private enum Storage: Sendable {
        case inline(Words, count: UInt8)
        case text(String)
    }
    private var storage: Storage

    /// Any text, inline when it can be.
    init(_ text: String) {
        var text = text
        storage = text.withUTF8 { CompactID(inlining: $0)?.storage } ?? .text(text)
    }

    /// Text read in place from a body: nil unless the bytes are ASCII and short enough to keep inline.
    init?(inlining bytes: UnsafeBufferPointer<UInt8>) {
        guard bytes.count <= Self.inlineCapacity, !bytes.contains(where: { $0 >= 0x80 }) else { return nil }
        var words: Words = (0, 0, 0, 0, 0)
        withUnsafeMutableBytes(of: &words) { $0.copyMemory(from: UnsafeRawBufferPointer(bytes)) }
        storage = .inline(words, count: UInt8(bytes.count))
    }

    var string: String { withUTF8 { String(decoding: $0, as: UTF8.self) } }

    var isEmpty: Bool {
        switch storage {
        case let .inline(_, count): count == 0
        case let .text(text): text.isEmpty
        }
    }

    /// Calls `body` with the text's UTF-8 bytes.
    func withUTF8<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        switch storage {
        case let .inline(words, count):
            return withUnsafeBytes(of: words) { raw in
                raw.withMemoryRebound(to: UInt8.self) { body(UnsafeBufferPointer(rebasing: $0.prefix(Int(count)))) }
            }
        case var .text(text):
            return text.withUTF8(body)
        }
    }
}
