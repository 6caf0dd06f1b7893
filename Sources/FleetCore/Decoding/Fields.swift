/// Reads the fields of one JSON object with the contract's leniency: a missing or null field is nil, a field of
/// the wrong type is an error that names its path. The path is worked out from the tape only when an error is
/// thrown, so a `Fields` is just the object's view and where decoding started (`base`, the path's root).
struct Fields {
    let object: JSONView
    let base: Int

    /// Wraps `value`, which must be an object; paths in errors are relative to the value at `base`.
    init(_ value: JSONView, base: Int) throws(EventDecodingError) {
        guard value.isObject else {
            throw .wrongType(field: value.index == base ? "body" : value.path(from: base), expected: "an object",
                             found: value.kindName)
        }
        self.object = value
        self.base = base
    }

    /// The dotted path of `key` in this object, for error messages.
    func field(_ key: StaticString) -> String {
        let path = object.path(from: base)
        return path.isEmpty ? "\(key)" : "\(path).\(key)"
    }

    /// The member, or nil when it is absent or null.
    func value(_ key: StaticString) -> JSONView? {
        guard let v = object[key], !v.isNull else { return nil }
        return v
    }

    func object(_ key: StaticString) throws(EventDecodingError) -> Fields? {
        guard let v = value(key) else { return nil }
        return try Fields(v, base: base)
    }

    func string(_ key: StaticString) throws(EventDecodingError) -> String? {
        guard let v = value(key) else { return nil }
        guard let s = v.string else { throw .wrongType(field: field(key), expected: "a string", found: v.kindName) }
        return s
    }

    /// An event type, read without building a string for the canonical spellings.
    func eventType(_ key: StaticString) throws(EventDecodingError) -> EventType? {
        guard let v = value(key) else { return nil }
        guard let type = v.withUTF8(EventType.init(utf8:)) else {
            throw .wrongType(field: field(key), expected: "a string", found: v.kindName)
        }
        return type
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

/// Where a value is, for the error messages of the code that decodes it: the dotted text is worked out from the
/// tape only when asked.
struct FieldPath: CustomStringConvertible {
    let value: JSONView
    let base: Int
    var description: String { value.path(from: base) }
}
