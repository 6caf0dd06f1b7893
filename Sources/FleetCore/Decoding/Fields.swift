/// Reads the fields of one JSON object with the contract's leniency: a missing or null field is nil, a field of
/// the wrong type is an error that names its path. The path is built only when an error is thrown.
struct Fields {
    let object: JSONView
    let path: FieldPath

    /// Wraps `value`, which must be an object.
    init(_ value: JSONView, path: FieldPath) throws(EventDecodingError) {
        guard value.isObject else {
            throw .wrongType(field: path.isRoot ? "body" : path.description, expected: "an object", found: value.kindName)
        }
        self.object = value
        self.path = path
    }

    /// The dotted path of `key` in this object, for error messages.
    func field(_ key: StaticString) -> String { path.appending(key).description }

    /// The member, or nil when it is absent or null.
    func value(_ key: StaticString) -> JSONView? {
        guard let v = object[key], !v.isNull else { return nil }
        return v
    }

    func object(_ key: StaticString) throws(EventDecodingError) -> Fields? {
        guard let v = value(key) else { return nil }
        return try Fields(v, path: path.appending(key))
    }

    func string(_ key: StaticString) throws(EventDecodingError) -> String? {
        guard let v = value(key) else { return nil }
        guard let s = v.string else { throw .wrongType(field: field(key), expected: "a string", found: v.kindName) }
        return s
    }

    func requiredString(_ key: StaticString) throws(EventDecodingError) -> String {
        guard let s = try string(key) else { throw .missingField(field(key)) }
        return s
    }

    /// A string, or a number written as one (INVERS versions differ, e.g. `"version": "1"` vs `1`).
    func stringOrNumber(_ key: StaticString) throws(EventDecodingError) -> String? {
        guard let v = value(key) else { return nil }
        if let s = v.string { return s }
        if let d = v.double { return d.rounded() == d && abs(d) < 1e15 ? String(Int64(d)) : String(d) }
        throw .wrongType(field: field(key), expected: "a string", found: v.kindName)
    }

    func double(_ key: StaticString) throws(EventDecodingError) -> Double? {
        guard let v = value(key) else { return nil }
        guard let d = v.double else { throw .wrongType(field: field(key), expected: "a number", found: v.kindName) }
        return d
    }

    func bool(_ key: StaticString) throws(EventDecodingError) -> Bool? {
        guard let v = value(key) else { return nil }
        guard let b = v.bool else { throw .wrongType(field: field(key), expected: "a boolean", found: v.kindName) }
        return b
    }

    func timestamp(_ key: StaticString) throws(EventDecodingError) -> Timestamp? {
        guard let v = value(key) else { return nil }
        guard v.isString else { throw .wrongType(field: field(key), expected: "a timestamp string", found: v.kindName) }
        guard let t = Timestamp.parse(v.rawBytes) else { throw .invalidTimestamp(field: field(key)) }
        return t
    }

    func strings(_ key: StaticString) throws(EventDecodingError) -> [String]? {
        guard let v = value(key) else { return nil }
        guard let elements = v.elements else {
            throw .wrongType(field: field(key), expected: "an array of strings", found: v.kindName)
        }
        var result: [String] = []
        result.reserveCapacity(elements.count)
        for element in elements {
            guard let s = element.string else {
                throw .wrongType(field: field(key), expected: "an array of strings", found: "an element that is \(element.kindName)")
            }
            result.append(s)
        }
        return result
    }

    func position(_ key: StaticString) throws(EventDecodingError) -> Position? {
        guard let p = try object(key) else { return nil }
        return try Position(p)
    }
}

extension Position {
    init(_ fields: Fields) throws(EventDecodingError) {
        guard let lat = try fields.double("lat") else { throw .missingField(fields.field("lat")) }
        guard let lon = try fields.double("lon") else { throw .missingField(fields.field("lon")) }
        self.init(lat: lat, lon: lon)
    }
}

/// Where a field is, as up to four keys that are joined only when an error needs the text: building a string
/// for every nested object would cost more than the rest of decoding. Plain data, so copies are free.
struct FieldPath: CustomStringConvertible {
    private var keys: (StaticString?, StaticString?, StaticString?, StaticString?) = (nil, nil, nil, nil)
    private var count = 0

    init() {}

    var isRoot: Bool { count == 0 }

    /// The path one level down; past four levels (deeper than any INVERS field) the deepest keys are dropped.
    func appending(_ key: StaticString) -> FieldPath {
        var copy = self
        switch count {
        case 0: copy.keys.0 = key
        case 1: copy.keys.1 = key
        case 2: copy.keys.2 = key
        case 3: copy.keys.3 = key
        default: return copy
        }
        copy.count += 1
        return copy
    }

    var description: String {
        [keys.0, keys.1, keys.2, keys.3].prefix(count).compactMap { $0.map { "\($0)" } }.joined(separator: ".")
    }
}
