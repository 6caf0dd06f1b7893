/// A message's headers as the decoder reads them. It looks for just two (the event type and the flow id), so a
/// broker client can answer from its own buffers instead of building a dictionary of strings for every message.
public protocol MessageHeaders {
    /// The value, as text, of the first header whose name (its UTF-8 bytes) satisfies `matches`; with
    /// `nonEmpty`, headers with an empty value are passed over.
    func first(nonEmpty: Bool, whereName matches: (UnsafeBufferPointer<UInt8>) -> Bool) -> String?
}

extension [String: String]: MessageHeaders {
    public func first(nonEmpty: Bool, whereName matches: (UnsafeBufferPointer<UInt8>) -> Bool) -> String? {
        for (name, value) in self where !(nonEmpty && value.isEmpty) {
            var name = name
            if name.withUTF8(matches) { return value }
        }
        return nil
    }
}
