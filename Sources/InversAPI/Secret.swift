// TEMPORARY: FleetCore's `Secret` (Text/Redaction.swift) lands on main shortly; this copy of its API lets the
// module build until then and is deleted at the merge.

/// A secret value (a password, a client secret, a token) that prints as `***` wherever it is interpolated.
public struct Secret: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible {
    public let value: String
    public init(_ value: String) { self.value = value }
    public var description: String { "***" }
    public var debugDescription: String { "Secret(***)" }
}
