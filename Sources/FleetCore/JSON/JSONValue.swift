/// A view of one value inside a `JSONDocument` that keeps the document alive. Cheap to copy; reads bytes only
/// when asked. (Decoding uses the borrowed `JSONView` instead, which costs no reference counting.)
public struct JSONValue: Sendable {
    let storage: JSONDocument.Storage
    let index: Int

    init(storage: JSONDocument.Storage, index: Int) {
        self.storage = storage
        self.index = index
    }

    /// Runs `body` with the borrowed view of this value.
    func withView<R, E: Error>(_ body: (JSONView) throws(E) -> R) throws(E) -> R {
        try storage.withView(index: index, body)
    }

    private func value(_ view: JSONView) -> JSONValue { JSONValue(storage: storage, index: view.index) }

    /// The JSON kind of this value, for error messages ("expected a string, found a number").
    public var kindName: String { withView { $0.kindName } }
    public var isNull: Bool { withView { $0.isNull } }
    public var isObject: Bool { withView { $0.isObject } }
    public var isArray: Bool { withView { $0.isArray } }
    public var isString: Bool { withView { $0.isString } }

    /// The member named `key` of an object, or nil (also nil when this is not an object).
    public subscript(key: StaticString) -> JSONValue? { withView { $0[key].map(value) } }

    /// The members of an object in document order, keys decoded.
    public var members: [(key: String, value: JSONValue)] {
        withView { $0.members.map { ($0.key, value($0.value)) } }
    }

    /// The elements of an array, or nil when this is not an array.
    public var elements: [JSONValue]? { withView { $0.elements?.map(value) } }

    /// The string, unescaped, or nil when this is not a string.
    public var string: String? { withView { $0.string } }

    /// The number as a Double, or nil when this is not a number.
    public var double: Double? { withView { $0.double } }

    /// The number as an integer, or nil when this is not a number or not a whole number in range.
    public var int: Int? { withView { $0.int } }

    /// The boolean, or nil when this is not `true` or `false`.
    public var bool: Bool? { withView { $0.bool } }
}
