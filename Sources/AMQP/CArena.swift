import CRabbitMQ
#if canImport(Glibc)
import Glibc
#endif

/// C memory for the arguments of one rabbitmq-c call: names, bodies and tables copied into `malloc`ed buffers
/// that live until the arena does. Swift strings bridged with `amqp_cstring_bytes` die right after the call that
/// made them, so nothing passed to rabbitmq-c may point into Swift-managed storage beyond a `with…` scope.
final class CArena {
    private var buffers: [UnsafeMutableRawPointer] = []

    deinit { for buffer in buffers { free(buffer) } }

    func allocate(_ count: Int) -> UnsafeMutableRawPointer {
        let buffer = malloc(max(count, 1))!
        buffers.append(buffer)
        return buffer
    }

    /// `text` as `amqp_bytes_t` (not NUL-terminated; `amqp_empty_bytes` for "").
    func bytes(_ text: String) -> amqp_bytes_t {
        var text = text
        return text.withUTF8 { utf8 in bytes(UnsafeRawBufferPointer(utf8)) }
    }

    func bytes(_ raw: UnsafeRawBufferPointer) -> amqp_bytes_t {
        guard raw.count > 0 else { return amqp_empty_bytes }
        let buffer = allocate(raw.count)
        buffer.copyMemory(from: raw.baseAddress!, byteCount: raw.count)
        return amqp_bytes_t(len: raw.count, bytes: buffer)
    }

    /// `text` NUL-terminated, for rabbitmq-c's `const char *` parameters.
    func cString(_ text: String) -> UnsafePointer<CChar> {
        let utf8 = Array(text.utf8)
        let buffer = allocate(utf8.count + 1).bindMemory(to: CChar.self, capacity: utf8.count + 1)
        for (i, byte) in utf8.enumerated() { buffer[i] = CChar(bitPattern: byte) }
        buffer[utf8.count] = 0
        return UnsafePointer(buffer)
    }

    /// An AMQP field table of the given entries.
    func table(_ entries: [(String, amqp_field_value_t)]) -> amqp_table_t {
        guard !entries.isEmpty else { return amqp_empty_table }
        let storage = allocate(MemoryLayout<amqp_table_entry_t>.stride * entries.count)
            .bindMemory(to: amqp_table_entry_t.self, capacity: entries.count)
        for (i, (key, value)) in entries.enumerated() {
            storage[i] = amqp_table_entry_t(key: bytes(key), value: value)
        }
        return amqp_table_t(num_entries: Int32(entries.count), entries: storage)
    }

    /// A long-string field value.
    func stringField(_ text: String) -> amqp_field_value_t {
        var field = amqp_field_value_t()
        field.kind = UInt8(AMQP_FIELD_KIND_UTF8.rawValue)
        field.value.bytes = bytes(text)
        return field
    }

    /// A table of string headers.
    func headers(_ headers: [String: String]) -> amqp_table_t {
        table(headers.sorted { $0.key < $1.key }.map { ($0.key, stringField($0.value)) })
    }
}

extension amqp_field_value_t {
    static func boolean(_ value: Bool) -> amqp_field_value_t {
        var field = amqp_field_value_t()
        field.kind = UInt8(AMQP_FIELD_KIND_BOOLEAN.rawValue)
        field.value.boolean = value ? 1 : 0
        return field
    }

    static func table(_ table: amqp_table_t) -> amqp_field_value_t {
        var field = amqp_field_value_t()
        field.kind = UInt8(AMQP_FIELD_KIND_TABLE.rawValue)
        field.value.table = table
        return field
    }

    static func int64(_ value: Int64) -> amqp_field_value_t {
        var field = amqp_field_value_t()
        field.kind = UInt8(AMQP_FIELD_KIND_I64.rawValue)
        field.value.i64 = value
        return field
    }

    static func timestamp(_ secondsSinceEpoch: UInt64) -> amqp_field_value_t {
        var field = amqp_field_value_t()
        field.kind = UInt8(AMQP_FIELD_KIND_TIMESTAMP.rawValue)
        field.value.u64 = secondsSinceEpoch
        return field
    }
}
