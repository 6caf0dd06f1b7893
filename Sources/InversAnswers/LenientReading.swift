import FleetCore

extension BodyReader {
    /// The next value when it is a string, unescaped and whole (a token, a cursor and a problem's text are used as
    /// they came, within the body's size limit); otherwise nil, the value checked and passed over. For members
    /// whose other kinds the contract's uncertainty says to ignore rather than refuse.
    mutating func readStringIfString() throws(EventDecodingError) -> String? {
        guard try peek() == UInt8(ascii: "\"") else {
            try skipValue()
            return nil
        }
        return try readString(maxBytes: .max)
    }
}
