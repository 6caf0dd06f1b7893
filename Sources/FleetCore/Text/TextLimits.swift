/// How much text from the wire the decoder keeps, so that content cannot blow up memory: a vehicle's strings
/// live as long as the vehicle, and a hostile or broken publisher could otherwise fill a plate with a megabyte.
///
/// Every string field an event or REST answer is decoded into is cut to `maxFieldBytes` of UTF-8, on a
/// character boundary (a single character longer than that is cut on a Unicode scalar boundary); arrays of
/// strings (`reasons`, `tags`, `capabilities.commands`) keep their first `maxArrayElements`. The event id is the
/// one exception: it is never kept (the store keeps a 64-bit hash of it), and cutting it could make two events
/// one.
public enum TextLimits {
    /// 256 bytes: ten times the longest id, plate or name INVERS shows in its own examples.
    public static let maxFieldBytes = 256
    /// 32 elements: the contract lists three reasons and a dozen commands.
    public static let maxArrayElements = 32

    /// `text` cut to at most `maxBytes` bytes of UTF-8 on a character boundary (see the type's note).
    public static func capped(_ text: String, maxBytes: Int = maxFieldBytes) -> String {
        guard text.utf8.count > maxBytes else { return text }
        var end = text.startIndex
        var next = end
        while next < text.endIndex {
            next = text.index(after: next)
            guard text.utf8.distance(from: text.startIndex, to: next) <= maxBytes else { break }
            end = next
        }
        if end == text.startIndex {
            // The first character alone is too long (a base and thousands of combining marks): cut its scalars.
            let scalars = text.unicodeScalars
            var scalarEnd = scalars.startIndex
            while scalarEnd < scalars.endIndex {
                let after = scalars.index(after: scalarEnd)
                guard text.utf8.distance(from: text.startIndex, to: after) <= maxBytes else { break }
                scalarEnd = after
            }
            return String(scalars[..<scalarEnd])
        }
        return String(text[..<end])
    }
}
