import ArgumentParser
import FleetConfig
import Foundation

extension ConnectionOptions {
    /// The settings against the process environment. A settings error becomes a `ValidationError` exit with its
    /// message (never a secret in it); the warnings are the caller's to show.
    func settings(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> Settings {
        do {
            return try Settings.resolve(options: self, environment: environment)
        } catch {
            throw ValidationError(error.description)
        }
    }

    /// The settings, their warnings printed on stderr (`tail`, `lock`; the dashboard shows them in its status line,
    /// since its screen would cover stderr at once).
    func resolve() throws -> Settings {
        let settings = try settings()
        for warning in settings.warnings { StandardError.print("fleetwatch: warning: \(warning)") }
        return settings
    }
}
