import CRabbitMQ

/// AMQP field tables as the rest of fleetwatch sees them: `[String: String]`.
///
/// Scalars (strings, integers, booleans, floats, timestamps) become their text; nested tables, arrays, byte
/// arrays and voids are left out: no header the contract relies on has one of those kinds.
enum AMQPHeaders {
    static func strings(_ table: amqp_table_t) -> [String: String] {
        guard table.num_entries > 0, let entries = table.entries else { return [:] }
        var result: [String: String] = [:]
        result.reserveCapacity(Int(table.num_entries))
        for i in 0..<Int(table.num_entries) {
            let entry = entries[i]
            if let value = text(of: entry.value) { result[string(entry.key)] = value }
        }
        return result
    }

    static func text(of field: amqp_field_value_t) -> String? {
        switch UInt32(field.kind) {
        case AMQP_FIELD_KIND_UTF8.rawValue: string(field.value.bytes)
        case AMQP_FIELD_KIND_BOOLEAN.rawValue: field.value.boolean != 0 ? "true" : "false"
        case AMQP_FIELD_KIND_I8.rawValue: String(field.value.i8)
        case AMQP_FIELD_KIND_U8.rawValue: String(field.value.u8)
        case AMQP_FIELD_KIND_I16.rawValue: String(field.value.i16)
        case AMQP_FIELD_KIND_U16.rawValue: String(field.value.u16)
        case AMQP_FIELD_KIND_I32.rawValue: String(field.value.i32)
        case AMQP_FIELD_KIND_U32.rawValue: String(field.value.u32)
        case AMQP_FIELD_KIND_I64.rawValue: String(field.value.i64)
        case AMQP_FIELD_KIND_U64.rawValue, AMQP_FIELD_KIND_TIMESTAMP.rawValue: String(field.value.u64)
        case AMQP_FIELD_KIND_F32.rawValue: String(field.value.f32)
        case AMQP_FIELD_KIND_F64.rawValue: String(field.value.f64)
        default: nil
        }
    }

    /// Bytes as text; invalid UTF-8 becomes U+FFFD (the sanitiser deals with the rest before display).
    static func string(_ bytes: amqp_bytes_t) -> String {
        guard bytes.len > 0, let base = bytes.bytes else { return "" }
        return String(decoding: UnsafeRawBufferPointer(start: base, count: bytes.len), as: UTF8.self)
    }
}

/// A delivery's header table in rabbitmq-c's buffers (valid while the delivery is lent).
public struct AMQPHeaderTable {
    let table: amqp_table_t

    /// Runs `body` with the value, as UTF-8 text (see `AMQPHeaders`), of the first header whose name satisfies
    /// `matches`, and returns true (false when there is none); with `nonEmpty`, empty values are passed over. A
    /// string value is lent in place, without copying.
    public func withFirst(nonEmpty: Bool, whereName matches: (UnsafeBufferPointer<UInt8>) -> Bool,
                          _ body: (UnsafeBufferPointer<UInt8>) -> Void) -> Bool {
        guard table.num_entries > 0, let entries = table.entries else { return false }
        for i in 0..<Int(table.num_entries) where matches(AMQPHeaderTable.bytes(entries[i].key)) {
            let value = entries[i].value
            if UInt32(value.kind) == AMQP_FIELD_KIND_UTF8.rawValue {
                let text = AMQPHeaderTable.bytes(value.value.bytes)
                if nonEmpty && text.isEmpty { continue }
                body(text)
                return true
            }
            guard var text = AMQPHeaders.text(of: value), !(nonEmpty && text.isEmpty) else { continue }
            text.withUTF8(body)
            return true
        }
        return false
    }

    /// The whole-number value of the header named `name` (a stream's `x-stream-offset`), whatever integer type the
    /// broker sent it as; nil when there is none or it is no integer that fits.
    public func integer(named name: String) -> Int64? {
        guard table.num_entries > 0, let entries = table.entries else { return nil }
        var name = name
        return name.withUTF8 { wanted -> Int64? in
            for i in 0..<Int(table.num_entries) where AMQPHeaderTable.bytes(entries[i].key).elementsEqual(wanted) {
                let value = entries[i].value
                switch UInt32(value.kind) {
                case AMQP_FIELD_KIND_I64.rawValue: return value.value.i64
                case AMQP_FIELD_KIND_U64.rawValue: return Int64(exactly: value.value.u64)
                case AMQP_FIELD_KIND_I32.rawValue: return Int64(value.value.i32)
                case AMQP_FIELD_KIND_U32.rawValue: return Int64(value.value.u32)
                case AMQP_FIELD_KIND_I16.rawValue: return Int64(value.value.i16)
                case AMQP_FIELD_KIND_U16.rawValue: return Int64(value.value.u16)
                case AMQP_FIELD_KIND_I8.rawValue: return Int64(value.value.i8)
                case AMQP_FIELD_KIND_U8.rawValue: return Int64(value.value.u8)
                default: return nil
                }
            }
            return nil
        }
    }

    private static func bytes(_ bytes: amqp_bytes_t) -> UnsafeBufferPointer<UInt8> {
        guard bytes.len > 0, let base = bytes.bytes else { return UnsafeBufferPointer(start: nil, count: 0) }
        return UnsafeBufferPointer(start: base.assumingMemoryBound(to: UInt8.self), count: bytes.len)
    }
}

/// A value in a queue's, exchange's or consumer's arguments (`x-queue-type`, `x-max-age`, `x-stream-offset`…).
public enum AMQPArgument: Sendable, Hashable {
    case string(String)
    case int(Int64)
    case bool(Bool)
    /// An AMQP timestamp: seconds since 1970.
    case timestamp(UInt64)
}

extension CArena {
    func arguments(_ arguments: [String: AMQPArgument]) -> amqp_table_t {
        table(arguments.sorted { $0.key < $1.key }.map { key, value in
            switch value {
            case let .string(text): (key, stringField(text))
            case let .int(number): (key, .int64(number))
            case let .bool(flag): (key, .boolean(flag))
            case let .timestamp(seconds): (key, .timestamp(seconds))
            }
        })
    }
}
