/// How `fuzz-rest` reads one fuzzer input: one HTTP answer of the INVERS API.
///
/// An input that starts with `@` has a header line, `@Name=Value;Name=Value` up to the first newline (for example
/// `@status=429;Retry-After=120;X-Rate-Limit-Reset=1764412800`), then the body. Two names are the status line
/// rather than headers: `status` (a number; 200 when absent or not a number) and `reason`. Any other input is a
/// body alone, answered 200, so a contract sample is a valid input as it is.
struct RESTInput {
    var status = 200
    var reasonPhrase = "OK"
    var headers: [(name: String, value: String)] = []
    var body: [UInt8]

    init(_ bytes: UnsafeRawBufferPointer) {
        guard bytes.first == UInt8(ascii: "@") else {
            body = Array(bytes)
            return
        }
        let newline = bytes.firstIndex(of: UInt8(ascii: "\n")) ?? bytes.endIndex
        body = newline < bytes.endIndex ? Array(bytes[(newline + 1)...]) : []
        for pair in String(decoding: bytes[1..<newline], as: UTF8.self).split(separator: ";") {
            let nameAndValue = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = String(nameAndValue[0])
            let value = nameAndValue.count > 1 ? String(nameAndValue[1]) : ""
            switch name {
            case "status": status = Int(value) ?? 200
            case "reason": reasonPhrase = value
            default: headers.append((name, value))
            }
        }
    }
}
