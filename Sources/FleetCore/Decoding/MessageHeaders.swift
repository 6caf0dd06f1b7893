/// A message's headers as the decoder reads them. It looks for just two (the event type and the flow id), so a
/// broker client can answer from its own buffers instead of building a dictionary of strings for every message.
public protocol MessageHeaders {
    /// Runs `body` with the value, as UTF-8 text, of the first header whose name (its UTF-8 bytes) satisfies
    /// `matches`, and returns true; false when there is no such header. With `nonEmpty`, headers with an empty
    /// value are passed over.
    func withFirst(nonEmpty: Bool, whereName matches: (UnsafeBufferPointer<UInt8>) -> Bool,
                   _ body: (UnsafeBufferPointer<UInt8>) -> Void) -> Bool
}

extension [String: String]: MessageHeaders {
    public func withFirst(nonEmpty: Bool, whereName matches: (UnsafeBufferPointer<UInt8>) -> Bool,
                          _ body: (UnsafeBufferPointer<UInt8>) -> Void) -> Bool {
        for (name, value) in self where !(nonEmpty && value.isEmpty) {
            var name = name
            if name.withUTF8(matches) {
                var value = value
                value.withUTF8(body)
                return true
            }
        }
        return false
    }
}
