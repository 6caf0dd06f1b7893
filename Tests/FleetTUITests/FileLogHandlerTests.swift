import Foundation
import Logging
import Testing
@testable import FleetTUI

/// The dashboard's log file: lines land in it, safe and bounded, and only at the chosen level.
@Suite struct FileLogHandlerTests {
    func scratch() throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("fw-log-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }

    func lines(_ path: String) -> [String] {
        ((try? String(contentsOfFile: path, encoding: .utf8)) ?? "").split(separator: "\n").map(String.init)
    }

    @Test func linesGoToTheFileSanitisedAndWithoutURLCredentials() throws {
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let file = try LogFile(path: "\(dir)/state/fleetwatch/fleetwatch.log")
        let logger = Logger(label: "fleetwatch.test") { FileLogHandler(label: $0, file: file, logLevel: .info) }
        logger.warning("connecting to amqps://user:s3cret@broker.example:5671/v and https://tok3n@api.example/x",
                       metadata: ["queue": "q\u{1B}[2J"])
        logger.info("evil \u{1B}]0;title\u{07} name\nsecond line")
        let written = lines(file.path)
        #expect(written.count == 2, "\(written)")
        #expect(written[0].contains(" warning fleetwatch.test: connecting to amqps://user:***@broker.example:5671/v"))
        #expect(written[0].contains("https://***@api.example/x"))
        #expect(written[0].hasSuffix("queue=q?[2J"))
        #expect(!written.joined().contains("s3cret") && !written.joined().contains("tok3n"))
        #expect(written[1].hasSuffix("evil ?]0;title? name?second line"))
        var info = stat()
        #expect(stat(file.path, &info) == 0 && info.st_mode & 0o777 == 0o600)
    }

    @Test func theFileRotatesAtItsBoundKeepingOneOlderFile() throws {
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let file = try LogFile(path: "\(dir)/fleetwatch.log", maximumBytes: 4096)
        let logger = Logger(label: "t") { FileLogHandler(label: $0, file: file, logLevel: .trace) }
        for n in 0..<1_000 { logger.info("line \(n) \(String(repeating: "x", count: 40))") }
        let size = { (path: String) in (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? -1 }
        #expect(size(file.path) <= 4096 && size(file.path) > 0)
        #expect(size(file.path + ".1") <= 4096 && size(file.path + ".1") > 3000)
        #expect(!FileManager.default.fileExists(atPath: file.path + ".2"))
        #expect(lines(file.path).last?.contains("line 999 ") == true)
        // Lines continue from the rotated file into the new one, none cut in half.
        let first = lines(file.path).first.flatMap { $0.split(separator: " ").dropFirst(4).first }.flatMap { Int($0) }
        let previous = lines(file.path + ".1").last.flatMap { $0.split(separator: " ").dropFirst(4).first }
            .flatMap { Int($0) }
        #expect(first != nil && previous.map { $0 + 1 } == first)
    }

    @Test func onlyMessagesAtTheChosenLevelOrAboveAreWritten() throws {
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let file = try LogFile(path: "\(dir)/fleetwatch.log")
        let logger = Logger(label: "t") { FileLogHandler(label: $0, file: file, logLevel: .notice) }
        logger.debug("debug-line")
        logger.info("info-line")
        logger.notice("notice-line")
        logger.error("error-line")
        let written = lines(file.path).joined(separator: "\n")
        #expect(!written.contains("debug-line") && !written.contains("info-line"))
        #expect(written.contains(" notice t: notice-line") && written.contains(" error t: error-line"))
    }

    @Test func aVeryLongLineIsCut() throws {
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let file = try LogFile(path: "\(dir)/fleetwatch.log")
        let logger = Logger(label: "t") { FileLogHandler(label: $0, file: file, logLevel: .info) }
        logger.info("\(String(repeating: "é", count: 100_000))")
        let written = lines(file.path)
        #expect(written.count == 1)
        #expect(written[0].utf8.count <= FileLogHandler.maximumLineBytes && written[0].hasSuffix("é…"))
    }

    @Test func theDefaultPathFollowsXDGStateHome() {
        #expect(LogFile.defaultPath(environment: ["XDG_STATE_HOME": "/s", "HOME": "/h"]) == "/s/fleetwatch/fleetwatch.log")
        #expect(LogFile.defaultPath(environment: ["HOME": "/h"]) == "/h/.local/state/fleetwatch/fleetwatch.log")
        #expect(LogFile.defaultPath(environment: ["XDG_STATE_HOME": "relative", "HOME": "/h"])
                == "/h/.local/state/fleetwatch/fleetwatch.log")
        #expect(LogFile.defaultPath(environment: [:]) == nil)
    }
}
