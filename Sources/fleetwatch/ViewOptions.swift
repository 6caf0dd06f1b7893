import ArgumentParser
import FleetConfig
import FleetCore
import FleetTUI

/// The dashboard's view flags (columns, sort, bell, alert thresholds), each declared in `SettingDefinition`; a
/// flag wins over the config file's value.
struct ViewOptions: ParsableArguments {
    @Option(name: .customLong(SettingDefinition.columns.flag), help: SettingDefinition.columns.argumentHelp)
    var columns: String?

    @Option(name: .customLong(SettingDefinition.sort.flag), help: SettingDefinition.sort.argumentHelp)
    var sort: String?

    @Flag(name: .customLong(SettingDefinition.bell.flag), inversion: .prefixedNo,
          help: SettingDefinition.bell.argumentHelp)
    var bell: Bool?

    @Flag(name: .customLong(SettingDefinition.notify.flag), inversion: .prefixedNo,
          help: SettingDefinition.notify.argumentHelp)
    var notify: Bool?

    @Flag(name: .customLong(SettingDefinition.mouse.flag), inversion: .prefixedNo,
          help: SettingDefinition.mouse.argumentHelp)
    var mouse: Bool?

    @Option(name: .customLong(SettingDefinition.offlineAfter.flag), help: SettingDefinition.offlineAfter.argumentHelp)
    var offlineAfter: String?

    @Option(name: .customLong(SettingDefinition.lowCharge.flag), help: SettingDefinition.lowCharge.argumentHelp)
    var lowCharge: Int?

    @Option(name: .customLong(SettingDefinition.staleAfter.flag), help: SettingDefinition.staleAfter.argumentHelp)
    var staleAfter: String?

    /// What the dashboard is set up with: these flags over `file` (the config's values), checked.
    struct Resolved {
        var columns: [VehicleColumn]
        var sort: VehicleSort
        var bell: Bool
        var notify: Bool
        var mouse: Bool
        var thresholds: AlertThresholds
    }

    /// Bad flag values are refused while parsing, before anything else (the dashboard's terminal check included).
    func validate() throws { _ = try resolve(over: ViewPreferences()) }

    func resolve(over file: ViewPreferences) throws -> Resolved {
        let standard = AlertThresholds.standard
        let names = columns.map { $0.split(separator: ",").map { $0.filter { $0 != " " } } } ?? file.columns
        var chosen = VehicleColumn.standard
        if let names {
            do {
                chosen = try VehicleColumn.parse(names)
            } catch {
                throw ValidationError("columns: \(error.description)")
            }
        }
        return Resolved(
            columns: chosen, sort: try Self.sort(sort ?? file.sort),
            bell: bell ?? file.bell ?? true, notify: notify ?? file.notify ?? false,
            mouse: mouse ?? file.mouse ?? true,
            thresholds: AlertThresholds(
                offlineAfterSeconds: try Self.interval(offlineAfter ?? file.offlineAfter, SettingDefinition.offlineAfter)
                    ?? standard.offlineAfterSeconds,
                lowChargePercent: try Self.percent(lowCharge ?? file.lowCharge) ?? standard.lowChargePercent,
                staleAfterSeconds: try Self.interval(staleAfter ?? file.staleAfter, SettingDefinition.staleAfter)
                    ?? standard.staleAfterSeconds))
    }

    /// `charge` ascending, `-charge` descending.
    static func sort(_ text: String?) throws -> VehicleSort {
        guard let text else { return .standard }
        let descending = text.hasPrefix("-")
        guard let column = VehicleColumn(rawValue: String(descending ? text.dropFirst() : Substring(text)).lowercased())
        else {
            throw ValidationError("sort: \(VehicleColumnError.unknown(text).description)")
        }
        return VehicleSort(column, descending: descending)
    }

    /// An interval (`90s`, `15m`, `2h`, `1d`) in seconds.
    static func interval(_ text: String?, _ setting: SettingDefinition) throws -> Double? {
        guard let text else { return nil }
        guard case let .ago(seconds)? = StreamStart(text) else {
            throw ValidationError("\(setting.flag) takes an interval such as 15m, 2h or 1d; not '\(SafeText.sanitize(text))'")
        }
        return Double(seconds)
    }

    static func percent(_ value: Int?) throws -> Double? {
        guard let value else { return nil }
        guard (0...100).contains(value) else { throw ValidationError("low-charge takes a percentage, 0 to 100; not \(value)") }
        return Double(value)
    }
}
