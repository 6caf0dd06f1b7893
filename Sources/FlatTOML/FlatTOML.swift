import TOMLKit

/// A value in a flat TOML file.
public enum FlatTOMLValue: Equatable, Sendable {
    case string(String)
    case integer(Int)
    case boolean(Bool)
    case array([FlatTOMLValue])
}

/// One `key = value` line.
public struct FlatTOMLEntry: Equatable, Sendable {
    public var key: String
    public var value: FlatTOMLValue
    /// 1-based line of the key, for error messages.
    public var line: Int

    public init(key: String, value: FlatTOMLValue, line: Int) {
        self.key = key
        self.value = value
        self.line = line
    }
}

/// A file that is not flat TOML, with the line to fix when there is one.
public struct FlatTOMLError: Error, Equatable, Sendable {
    /// 1-based; nil when the parser names no line.
    public var line: Int?
    public var message: String

    public init(line: Int?, message: String) {
        self.line = line
        self.message = message
    }
}

/// Reads the config and theme files: TOML limited to `key = value` lines (see `FlatTOMLGrammar` for the grammar
/// and why it is checked first), parsed by TOMLKit.
public enum FlatTOML {
    /// The entries of `text` in file order.
    public static func read(_ text: String) throws(FlatTOMLError) -> [FlatTOMLEntry] {
        var grammar = FlatTOMLGrammar(text)
        let keys = try grammar.keys()
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw FlatTOMLError(line: error.source.begin.line, message: error.description)
        } catch {
            throw FlatTOMLError(line: nil, message: "\(error)")
        }
        var entries: [FlatTOMLEntry] = []
        for (key, line) in keys {
            // The grammar and TOMLKit agree on the keys; a key TOMLKit lacks would be a bug in the grammar.
            guard let raw = table[key], let value = flatValue(raw) else {
                throw FlatTOMLError(line: line, message: "`\(key)` could not be read")
            }
            entries.append(FlatTOMLEntry(key: key, value: value, line: line))
        }
        return entries
    }

    private static func flatValue(_ value: any TOMLValueConvertible) -> FlatTOMLValue? {
        if let s = value.string { return .string(s) }
        if let b = value.bool { return .boolean(b) }
        if let n = value.int { return .integer(n) }
        if let array = value.array {
            var elements: [FlatTOMLValue] = []
            for element in array {
                guard let v = flatValue(element) else { return nil }
                elements.append(v)
            }
            return .array(elements)
        }
        return nil
    }
}

extension FlatTOMLValue {
    /// What the value is, for "must be …" messages.
    public var kind: String {
        switch self {
        case .string: "a string"
        case .integer: "a whole number"
        case .boolean: "true or false"
        case .array: "an array"
        }
    }
}
