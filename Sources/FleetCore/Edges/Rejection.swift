/// A message that was rejected, for the user to see.
public struct Rejection: Sendable, Hashable {
    public var queue: String
    public var messageID: String?
    public var error: EventDecodingError
    public init(queue: String, messageID: String?, error: EventDecodingError) {
        self.queue = queue
        self.messageID = messageID
        self.error = error
    }
}
