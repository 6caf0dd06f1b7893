import FleetConfig
import Foundation
import Testing

/// The settings are declared once; what is written about them elsewhere must agree.
@Suite struct SettingDefinitionTests {
    @Test func namesAreUnique() {
        let all = SettingDefinition.all
        #expect(Set(all.map(\.flag)).count == all.count)
        #expect(Set(all.compactMap(\.environment)).count == all.compactMap(\.environment).count)
        #expect(Set(all.compactMap(\.configKey)).count == all.compactMap(\.configKey).count)
    }

    /// README's options table has a row for every setting, with its environment variable, and no row for a
    /// setting that does not exist (the dashboard's own `--log-level` aside).
    @Test func readmesOptionTableAgrees() throws {
        let readme = try String(contentsOf: URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../README.md").standardized, encoding: .utf8)
        let rows = readme.split(separator: "\n").filter { $0.hasPrefix("| `--") }.map(String.init)
        for setting in SettingDefinition.all {
            let row = rows.first { $0.hasPrefix("| `--\(setting.flag) ") || $0.hasPrefix("| `--\(setting.flag)`") }
            #expect(row != nil, "README has no row for --\(setting.flag)")
            let cells = row?.replacingOccurrences(of: "\\|", with: "/").split(separator: "|") ?? []  // `\|` in a cell
            let environment = cells.dropFirst().first.map(String.init) ?? ""
            if let name = setting.environment {
                #expect(environment.contains("`\(name)`"), "README's row for --\(setting.flag) lacks \(name)")
            } else {
                #expect(environment.allSatisfy { $0 == " " }, "README's row for --\(setting.flag) names \(environment)")
            }
        }
        let flags = Set(SettingDefinition.all.map(\.flag) + ["log-level"])
        for row in rows {
            let flag = row.dropFirst(5).prefix { $0 != " " && $0 != "`" }
            #expect(flags.contains(String(flag)), "README lists --\(flag), which no setting declares")
        }
    }
}
