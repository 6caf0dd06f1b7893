/// How `fuzz-events` reads one fuzzer input: a few broker messages, so that one input can reach the store's
/// deduplication and merging, not only the decoder.
///
/// - The input is split at the byte 0x1E (ASCII record separator) into messages; past `maxMessages` the rest is
///   ignored.
/// - A message that starts with `@` has a header line: `@Name=Value;Name=Value` up to the first newline, then the
///   body. The name `message_id` is the AMQP `message_id` property rather than a header. Any other message is a
///   body alone, so a contract sample is a valid input as it is.
struct EventsInput {
    struct Message {
        var body: [UInt8]
        var headers: [String: String] = [:]
        var messageID: String?
    }

    static let maxMessages = 16
    static let separator = UInt8(0x1E)

    var messages: [Message] = []

    init(_ bytes: UnsafeRawBufferPointer) {
        for part in bytes.split(separator: Self.separator, maxSplits: Self.maxMessages,
                                omittingEmptySubsequences: false).prefix(Self.maxMessages) {
            messages.append(Self.message(part))
        }
    }

    private static func message(_ part: Slice<UnsafeRawBufferPointer>) -> Message {
        guard part.first == UInt8(ascii: "@") else { return Message(body: Array(part)) }
        let newline = part.firstIndex(of: UInt8(ascii: "\n")) ?? part.endIndex
        var message = Message(body: newline < part.endIndex ? Array(part[(newline + 1)...]) : [])
        let line = String(decoding: part[(part.startIndex + 1)..<newline], as: UTF8.self)
        for pair in line.split(separator: ";") {
            let nameAndValue = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = String(nameAndValue[0])
            let value = nameAndValue.count > 1 ? String(nameAndValue[1]) : ""
            if name == "message_id" { message.messageID = value } else { message.headers[name] = value }
        }
        return message
    }
}
