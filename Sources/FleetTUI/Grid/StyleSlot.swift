/// What a cell means, not what colour it is: views paint slots, a theme maps each slot to colours and
/// attributes, and the backend resolves that once per theme for the terminal's colour depth.
public enum StyleSlot: String, CaseIterable, Hashable, Sendable {
    case normal
    case muted
    case border
    case borderFocus = "border_focus"
    case title
    case titleFilter = "title_filter"
    case header
    case columnHeader = "column_header"
    case selected
    case online
    case offline
    case inRental = "in_rental"
    case locked
    case pending
    case smoke
    case smokeAlert = "smoke_alert"
    case statusOK = "status_ok"
    case statusWarn = "status_warn"
    case statusError = "status_error"
    case keyHint = "key_hint"
    case paused
    case prompt
    case dialog
    case danger
    case button
    case buttonFocus = "button_focus"
}
