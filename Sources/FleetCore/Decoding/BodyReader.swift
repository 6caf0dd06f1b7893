/// Reads a JSON body in one pass, value by value, as a decoder asks for them: the decoder names the members it
/// wants while the reader walks the object, and the reader validates and passes over everything else.
///
/// The one JSON reader: event bodies (`EventDecoder`) and the REST answers (`InversAnswers`, through
/// `document(_:limits:_:)`) are both read with it, so the vehicle shapes they share are decoded by the same code
/// with the same limits, and the JSONTestSuite corpus checks what both accept. (A tape parser, `JSONDocument`, read
/// the REST answers until 6 Dec; building a tape and then looking each key up in it had already cost the events
/// more than this one pass: 1.28 µs against 1.01 for the consumer bench's body.)
///
/// Every read consumes one whole value. A typed read answers nil for `null` and throws `wrongType` for another
/// kind, with an empty field name: `readObject` prefixes the member's key as the error leaves each object, so a
/// decoder's error names its path from where decoding started (`vehicle_state.position.value.lat`).
package struct BodyReader {
    let input: UnsafeBufferPointer<UInt8>
    /// The next byte to read.
    private(set) var offset: Int
    /// Containers open around `offset`, against `maxDepth`.
    private var depth: Int
    private let maxDepth: Int
    /// The last timestamp parsed and its text: the properties of one reading are usually measured at once, so
    /// most timestamps of a body repeat the one before.
    private var lastTimestamp: (text: UnsafeBufferPointer<UInt8>, value: Timestamp)?
    /// Numbers read so far that were outside their field's domain and dropped (`NumericDomain`).
    var valuesOutOfRange = 0

    init(_ input: UnsafeBufferPointer<UInt8>, at offset: Int = 0, maxDepth: Int) {
        self.input = input
        self.offset = offset
        self.depth = 0
        self.maxDepth = maxDepth
    }

    /// A member's key as written (unescaped when it had escapes), matched against the names a decoder knows:
    /// `switch key { case "id": … }`.
    package struct Key {
        let bytes: UnsafeBufferPointer<UInt8>

        @inline(__always)
        package static func ~= (name: StaticString, key: Key) -> Bool {
            key.bytes.count == name.utf8CodeUnitCount
                && (key.bytes.count == 0 || bytesEqual(name.utf8Start, key.bytes.baseAddress!, count: key.bytes.count))
        }
    }

    /// Where a value is in the body, for a decoder that decides later whether (and how) to read it: the value has
    /// been validated and passed over.
    package struct Mark {
        let start: Int
        let end: Int
    }

    // MARK: Reading whole values

    /// The first byte of the next value, white space skipped.
    @inline(__always)
    package mutating func peek() throws(EventDecodingError) -> UInt8 {
        offset = JSONScanner.skipSpace(input, offset)
        guard offset < input.count else { throw .invalidJSON(.unexpectedEnd) }
        return input[offset]
    }

    /// Passes over the next value, checking it.
    package mutating func skipValue() throws(EventDecodingError) {
        do throws(JSONError) {
            // Scalars directly: most values passed over are (`"version": 1`, a reading's timestamp).
            offset = JSONScanner.skipSpace(input, offset)
            guard offset < input.count else { throw JSONError.unexpectedEnd }
            switch input[offset] {
            case UInt8(ascii: "\""): offset = try JSONScanner.string(input, offset).end
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): offset = try JSONScanner.number(input, offset)
            default: offset = try JSONScanner.value(input, offset, depth: depth, maxDepth: maxDepth)
            }
        } catch {
            throw .invalidJSON(error)
        }
    }

    /// Passes over the next value and says where it was.
    package mutating func mark() throws(EventDecodingError) -> Mark {
        let start = JSONScanner.skipSpace(input, offset)
        offset = start
        try skipValue()
        return Mark(start: start, end: offset)
    }

    /// A reader of the value at `mark`, and the key to put in front of the paths of its errors. The values it
    /// finds out of range count as this reader's.
    mutating func reading<R>(_ mark: Mark, as key: StaticString,
                             _ body: (inout BodyReader) throws(EventDecodingError) -> R) throws(EventDecodingError) -> R {
        var reader = BodyReader(input, at: mark.start, maxDepth: maxDepth)
        defer { valuesOutOfRange += reader.valuesOutOfRange }
        do {
            return try body(&reader)
        } catch {
            throw error.inField("\(key)")
        }
    }

    /// Whether the body ends after the value just read (white space aside).
    func expectEnd() throws(EventDecodingError) {
        let end = JSONScanner.skipSpace(input, offset)
        if end != input.count { throw .invalidJSON(.trailingData(offset: end)) }
    }

    /// Reads an object, calling `member` with the reader on each member's value. A member that `member` does not
    /// read is passed over. Answers false (and calls nothing) for `null`.
    @inline(__always)
    package mutating func readObject(
        _ member: (inout BodyReader, Key) throws(EventDecodingError) -> Void
    ) throws(EventDecodingError) -> Bool {
        let c = try peek()
        if c == UInt8(ascii: "n") {
            try readNull()
            return false
        }
        guard c == UInt8(ascii: "{") else { throw mismatch(c, expected: "an object") }
        try open()
        if try closes(UInt8(ascii: "}")) { return true }
        while true {
            let keyStart = offset
            let scanned: (end: Int, escaped: Bool)
            do {
                scanned = try JSONScanner.string(input, try quote(at: keyStart))
                offset = try JSONScanner.colon(input, scanned.end)
            } catch {
                throw .invalidJSON(error)
            }
            let escaped = scanned.escaped
            let valueStart = offset
            let raw = UnsafeBufferPointer(rebasing: input[(keyStart + 1)..<(scanned.end - 1)])
            do {
                if escaped {
                    try Array(unescape(raw).utf8).withUnsafeBufferPointer { (bytes) throws(EventDecodingError) in
                        try member(&self, Key(bytes: bytes))
                    }
                } else {
                    try member(&self, Key(bytes: raw))
                }
                if offset == valueStart { try skipValue() }
            } catch {
                throw error.inField(escaped ? unescape(raw) : String(decoding: raw, as: UTF8.self))
            }
            if try closes(after: UInt8(ascii: "}")) { return true }
        }
    }

    /// Reads an array, calling `element` with the reader on each element. Answers false for `null`.
    @inline(__always)
    package mutating func readArray(
        expected: StaticString = "an array", _ element: (inout BodyReader) throws(EventDecodingError) -> Void
    ) throws(EventDecodingError) -> Bool {
        let c = try peek()
        if c == UInt8(ascii: "n") {
            try readNull()
            return false
        }
        guard c == UInt8(ascii: "[") else { throw mismatch(c, expected: expected) }
        try open()
        if try closes(UInt8(ascii: "]")) { return true }
        while true {
            let valueStart = offset
            try element(&self)
            if offset == valueStart { try skipValue() }
            if try closes(after: UInt8(ascii: "]")) { return true }
        }
    }

    /// The raw bytes of a string (between the quotes, escapes as written), nil for `null`.
    @inline(__always)
    mutating func readRawString(expected: StaticString = "a string") throws(EventDecodingError) -> (bytes: UnsafeBufferPointer<UInt8>, escaped: Bool)? {
        let c = try peek()
        if c == UInt8(ascii: "n") {
            try readNull()
            return nil
        }
        guard c == UInt8(ascii: "\"") else { throw mismatch(c, expected: expected) }
        let start = offset
        do {
            let scanned = try JSONScanner.string(input, start)
            offset = scanned.end
            return (UnsafeBufferPointer(rebasing: input[(start + 1)..<(scanned.end - 1)]), scanned.escaped)
        } catch {
            throw .invalidJSON(error)
        }
    }

    /// A string, unescaped and cut to `maxBytes` of UTF-8 (`TextLimits.capped`); nil for `null`.
    package mutating func readString(maxBytes: Int = TextLimits.maxFieldBytes) throws(EventDecodingError) -> String? {
        guard let (bytes, escaped) = try readRawString() else { return nil }
        return Self.string(bytes, escaped: escaped, maxBytes: maxBytes)
    }

    /// The string `readString` makes of a string's raw bytes.
    static func string(_ bytes: UnsafeBufferPointer<UInt8>, escaped: Bool, maxBytes: Int = TextLimits.maxFieldBytes) -> String {
        if !escaped && bytes.count <= maxBytes { return String(decoding: bytes, as: UTF8.self) }
        return TextLimits.capped(escaped ? unescape(bytes) : String(decoding: bytes, as: UTF8.self), maxBytes: maxBytes)
    }

    /// A number; nil for `null`.
    package mutating func readDouble(expected: StaticString = "a number") throws(EventDecodingError) -> Double? {
        let c = try peek()
        if c == UInt8(ascii: "n") {
            try readNull()
            return nil
        }
        guard c == UInt8(ascii: "-") || (c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9")) else {
            throw mismatch(c, expected: expected)
        }
        do {
            let number = try JSONScanner.numberValue(input, offset)
            offset = number.end
            return number.value
        } catch {
            throw .invalidJSON(error)
        }
    }

    /// `true` or `false`; nil for `null`.
    mutating func readBool() throws(EventDecodingError) -> Bool? {
        let c = try peek()
        let word: StaticString
        switch c {
        case UInt8(ascii: "n"):
            try readNull()
            return nil
        case UInt8(ascii: "t"): word = "true"
        case UInt8(ascii: "f"): word = "false"
        default: throw mismatch(c, expected: "a boolean")
        }
        do {
            offset = try JSONScanner.literal(input, offset, word)
        } catch {
            throw .invalidJSON(error)
        }
        return c == UInt8(ascii: "t")
    }

    /// An ISO-8601 timestamp string; nil for `null`.
    mutating func readTimestamp() throws(EventDecodingError) -> Timestamp? {
        guard let (bytes, _) = try readRawString(expected: "a timestamp string") else { return nil }
        return try timestamp(bytes)
    }

    /// The timestamp of the value at `mark` (passed over before); nil for `null`.
    mutating func readTimestamp(at mark: Mark) throws(EventDecodingError) -> Timestamp? {
        let c = input[mark.start]
        if c == UInt8(ascii: "n") { return nil }
        guard c == UInt8(ascii: "\"") else { throw mismatch(c, expected: "a timestamp string") }
        return try timestamp(UnsafeBufferPointer(rebasing: input[(mark.start + 1)..<(mark.end - 1)]))
    }

    private mutating func timestamp(_ text: UnsafeBufferPointer<UInt8>) throws(EventDecodingError) -> Timestamp {
        if let last = lastTimestamp, last.text.count == text.count,
           bytesEqual(last.text.baseAddress!, text.baseAddress!, count: text.count) {
            return last.value
        }
        guard let t = Timestamp.parse(text) else { throw .invalidTimestamp(field: "") }
        lastTimestamp = (text, t)
        return t
    }

    /// An array of strings, each capped as `readString` caps it, and no more than `TextLimits.maxArrayElements`
    /// of them kept (the rest are checked and passed over); nil for `null`.
    mutating func readStrings() throws(EventDecodingError) -> [String]? {
        try readStrings { (bytes, escaped) in Self.string(bytes, escaped: escaped) }
    }

    /// `readStrings`, each element made by `element` from the string's raw bytes and whether they hold escapes.
    mutating func readStrings<T>(
        _ element: (UnsafeBufferPointer<UInt8>, _ escaped: Bool) -> T
    ) throws(EventDecodingError) -> [T]? {
        var result: [T] = []
        let found = try readArray(expected: "an array of strings") { (r) throws(EventDecodingError) in
            let c = try r.peek()
            guard c == UInt8(ascii: "\"") else {
                throw r.mismatch(c, expected: "an array of strings", found: { "an element that is \($0)" })
            }
            guard result.count < TextLimits.maxArrayElements else { return }  // passed over by `readArray`
            guard let (bytes, escaped) = try r.readRawString() else {
                throw r.mismatch(c, expected: "an array of strings", found: { "an element that is \($0)" })
            }
            result.append(element(bytes, escaped))
        }
        guard found else { return nil }
        return result
    }

    // MARK: Pieces

    /// Consumes `null` (the caller has seen its `n`).
    private mutating func readNull() throws(EventDecodingError) {
        do {
            offset = try JSONScanner.literal(input, offset, "null")
        } catch {
            throw .invalidJSON(error)
        }
    }

    /// Enters the container whose opening bracket is at `offset`.
    private mutating func open() throws(EventDecodingError) {
        if depth >= maxDepth { throw .invalidJSON(.tooDeep(limit: maxDepth)) }
        depth += 1
        offset += 1
    }

    /// After an opening bracket: whether the container is empty (`closer` next, consumed).
    @inline(__always)
    private mutating func closes(_ closer: UInt8) throws(EventDecodingError) -> Bool {
        guard try peek() == closer else { return false }
        offset += 1
        depth -= 1
        return true
    }

    /// After a member or element: true when `closer` ends the container (consumed), false after a `,` (consumed,
    /// white space after it skipped).
    @inline(__always)
    private mutating func closes(after closer: UInt8) throws(EventDecodingError) -> Bool {
        let c = try peek()
        if c == UInt8(ascii: ",") {
            offset = JSONScanner.skipSpace(input, offset + 1)
            return false
        }
        guard c == closer else { throw .invalidJSON(.unexpectedCharacter(c, offset: offset)) }
        offset += 1
        depth -= 1
        return true
    }

    /// `start` if a key's opening quote is there.
    private func quote(at start: Int) throws(JSONError) -> Int {
        guard start < input.count else { throw .unexpectedEnd }
        guard input[start] == UInt8(ascii: "\"") else { throw .unexpectedCharacter(input[start], offset: start) }
        return start
    }

    /// The error for a value of another kind than `expected`, whose first byte is `c` at `offset`: `wrongType`,
    /// or the syntax error when `c` starts no value at all.
    func mismatch(_ c: UInt8, expected: StaticString,
                  found describe: (String) -> String = { $0 }) -> EventDecodingError {
        let found: String
        switch c {
        case UInt8(ascii: "{"): found = "an object"
        case UInt8(ascii: "["): found = "an array"
        case UInt8(ascii: "\""): found = "a string"
        case UInt8(ascii: "t"), UInt8(ascii: "f"): found = "a boolean"
        case UInt8(ascii: "n"): found = "null"
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): found = "a number"
        default: return .invalidJSON(.unexpectedCharacter(c, offset: offset))
        }
        return .wrongType(field: "", expected: "\(expected)", found: describe(found))
    }
}

extension EventDecodingError {
    /// This error as seen from the object that holds `key`: its field path gains `key` in front.
    package func inField(_ key: String) -> EventDecodingError {
        func path(_ field: String) -> String { field.isEmpty ? key : "\(key).\(field)" }
        switch self {
        case let .missingField(field): return .missingField(path(field))
        case let .wrongType(field, expected, found): return .wrongType(field: path(field), expected: expected, found: found)
        case let .invalidTimestamp(field): return .invalidTimestamp(field: path(field))
        case .invalidJSON, .notAnObject: return self
        }
    }
}

extension BodyReader {
    /// Reads a whole body with `read`, which reads one value: refuses a body over `limits.maxBytes` before reading
    /// a byte, an empty one, and one with anything but white space after that value. A body that is not JSON is
    /// refused with its syntax error wherever it is, even after a field `read` found wrong: whether an answer is
    /// JSON at all is the scanner's judgement, never the order of its members. For bodies read apart from the
    /// event stream (the REST answers); `EventDecoder` has its own entry.
    package static func document<R>(
        _ bytes: [UInt8], limits: JSONLimits = .default, _ read: (inout BodyReader) throws(EventDecodingError) -> R
    ) throws(EventDecodingError) -> R {
        if bytes.count > limits.maxBytes { throw .invalidJSON(.tooLarge(bytes: bytes.count, limit: limits.maxBytes)) }
        return try bytes.withUnsafeBufferPointer { (input) throws(EventDecodingError) in
            if JSONScanner.skipSpace(input, 0) == input.count { throw .invalidJSON(.empty) }
            var r = BodyReader(input, maxDepth: limits.maxDepth)
            do throws(EventDecodingError) {
                let start = r.offset
                let value = try read(&r)
                if r.offset == start { try r.skipValue() }  // `read` looked at nothing: the body is still checked
                try r.expectEnd()
                return value
            } catch {
                if case .invalidJSON = error { throw error }
                do throws(JSONError) {
                    try JSONScanner.document(input, maxDepth: limits.maxDepth)
                } catch {
                    throw .invalidJSON(error)
                }
                throw error
            }
        }
    }

    /// Reads a whole body that must be an object with `read` (nil for `null`): another kind, or `null`, is the
    /// wrong-type error of the field `body`. Paths in errors start at the body.
    package static func object<R>(
        in bytes: [UInt8], limits: JSONLimits = .default, _ read: (inout BodyReader) throws(EventDecodingError) -> R?
    ) throws(EventDecodingError) -> R {
        try document(bytes, limits: limits) { (r) throws(EventDecodingError) in
            let c = try r.peek()
            guard c == UInt8(ascii: "{"), let value = try read(&r) else {
                throw r.mismatch(c, expected: "an object").inField("body")
            }
            return value
        }
    }

    /// Reads a whole body that must be an object, calling `member` with the reader on each member's value, as
    /// `readObject` does; another kind, or `null`, is the wrong-type error of the field `body`.
    package static func members(
        in bytes: [UInt8], limits: JSONLimits = .default, _ member: (inout BodyReader, Key) throws(EventDecodingError) -> Void
    ) throws(EventDecodingError) {
        try object(in: bytes, limits: limits) { (r) throws(EventDecodingError) -> Void? in
            try r.readObject(member) ? () : nil
        }
    }

    /// A reader of the value at `mark` alone (passed over before, so checked), with the same depth limit: for a
    /// value whose error must not end the reading of its container (an item of a page). The values it finds out
    /// of range are its own.
    package func reader(at mark: Mark) -> BodyReader {
        BodyReader(input, at: mark.start, maxDepth: maxDepth)
    }
}
