import FleetCore

/// The Vehicles table as CSV (RFC 4180): the chosen columns, every row in the order shown, the cells as the
/// screen shows them (ages against `now`).
enum VehicleCSV {
    static func text(ids: [String], state: FleetState, model: DashboardModel) -> String {
        let columns = model.columns
        var out = columns.map { field($0 == .smoke ? "smoke" : $0.heading) }.joined(separator: ",") + "\r\n"
        for id in ids {
            guard let vehicle = state.vehicles[id] else { continue }
            out += columns.map { column in
                var (text, _) = VehicleColumns.value(column, of: vehicle, command: LockCommandMark.of(vehicle, in: model),
                                                     now: model.wallNow, thresholds: model.thresholds)
                if text == "—" { text = "" }
                return field(text)
            }.joined(separator: ",")
            out += "\r\n"
        }
        return out
    }

    /// One field: quoted when it holds a comma, a quote or a line break; a leading `=`, `+`, `-` or `@` (a
    /// formula to a spreadsheet, and the text came from the network) is kept as text by a leading `'`, unless
    /// the field is a number.
    static func field(_ text: String) -> String {
        var text = text
        if let first = text.first, "=+-@".contains(first), Double(text) == nil { text = "'" + text }
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        var quoted = "\""
        for character in text { quoted += character == "\"" ? "\"\"" : String(character) }
        return quoted + "\""
    }
}
