/// Percent-encoding (RFC 3986 2.1) for one URL component: the AMQP URL's parts, the API's path segments and query
/// values, and form-encoded credentials.
public enum PercentEncoding {
    /// Unreserved characters (letters, digits, `-` `.` `_` `~`) and any byte in `kept` stay; every other byte of
    /// the UTF-8 is `%XX`. A space is `%20`, which decodes the same whether a form reader takes `+` as a space or not.
    public static func encode(_ text: String, keeping kept: Set<UInt8> = []) -> String {
        var out = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
                 UInt8(ascii: "~"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            case _ where kept.contains(byte):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                out += "%" + String(hexDigits[Int(byte >> 4)]) + String(hexDigits[Int(byte & 15)])
            }
        }
        return out
    }

    private static let hexDigits = Array("0123456789ABCDEF")
}
