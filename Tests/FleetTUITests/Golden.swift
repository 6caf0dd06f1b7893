import Foundation
import Testing

/// Golden screens: a screen is compared line by line with a text file under `Goldens/`; `UPDATE_GOLDENS=1`
/// rewrites the file instead. A mismatch shows expected and actual side by side.
enum Golden {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Goldens")

    static func check(_ lines: [String], named name: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let file = directory.appendingPathComponent(name + ".txt")
        let actual = lines.joined(separator: "\n") + "\n"
        if ProcessInfo.processInfo.environment["UPDATE_GOLDENS"] == "1" {
            try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try? actual.write(to: file, atomically: true, encoding: .utf8)
            return
        }
        guard let expected = try? String(contentsOf: file, encoding: .utf8) else {
            Issue.record("missing golden \(file.path); run with UPDATE_GOLDENS=1", sourceLocation: sourceLocation)
            return
        }
        guard expected != actual else { return }
        let e = expected.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let a = actual.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let width = max(20, e.map(\.count).max() ?? 0)
        var report = "golden \(name) differs (expected | actual):\n"
        for i in 0..<max(e.count, a.count) {
            let l = i < e.count ? e[i] : "", r = i < a.count ? a[i] : ""
            let mark = l == r ? " " : "≠"
            report += l.padding(toLength: width, withPad: " ", startingAt: 0) + " \(mark)| " + r + "\n"
        }
        Issue.record(Comment(rawValue: report), sourceLocation: sourceLocation)
    }
}
