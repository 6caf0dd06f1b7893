import FleetCore
@testable import FleetStream
import Foundation
import Testing
import TestSupport

/// The dashboard's place in a stream, kept across restarts: the file, what is written when, and where a restart
/// starts from.
@Suite struct CheckpointTests {
    func scratch() throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("fw-checkpoint-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }

    func checkpoint(offset: Int64 = 41, replayFrom: Int64 = 3) -> StreamCheckpoint {
        StreamCheckpoint(broker: "localhost:5672", vhost: "/", stream: "fleetwatch.events", offset: offset,
                         replayFrom: replayFrom, savedAt: "2026-12-06T10:00:00Z")
    }

    @Test func theFileIsPerBrokerVhostAndStreamUnderTheStateDirectory() throws {
        let file = try #require(CheckpointFile(broker: "broker.example:5671", vhost: "/", stream: "team/events",
                                               environment: ["XDG_STATE_HOME": "/state", "HOME": "/home/op"]))
        #expect(file.path == "/state/fleetwatch/offsets/broker.example%3A5671,%2F,team%2Fevents.json")
        let home = try #require(CheckpointFile(broker: "b:1", vhost: "v", stream: "s", environment: ["HOME": "/home/op",
                                                                                                     "XDG_STATE_HOME": "relative"]))
        #expect(home.path == "/home/op/.local/state/fleetwatch/offsets/b%3A1,v,s.json")
        #expect(CheckpointFile(broker: "b:1", vhost: "v", stream: "s", environment: [:]) == nil)
    }

    /// A 255-byte stream name still gives a name a file system takes, and two such names stay apart.
    @Test func longNamesAreCutAndKeptApart() {
        let a = CheckpointFile.fileName(broker: "b:1", vhost: "/", stream: String(repeating: "é", count: 127) + "a")
        let b = CheckpointFile.fileName(broker: "b:1", vhost: "/", stream: String(repeating: "é", count: 127) + "b")
        #expect(a.utf8.count <= 255 && b.utf8.count <= 255)
        #expect(a != b)
        #expect(!a.contains("/"))
    }

    @Test func savesAndLoadsAndReplacesWhole() throws {
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let file = CheckpointFile(path: "\(dir)/offsets/x.json")
        #expect(try file.load() == nil)
        try file.save(checkpoint())
        #expect(try file.load() == checkpoint())
        try file.save(checkpoint(offset: 99, replayFrom: 50))
        #expect(try file.load() == checkpoint(offset: 99, replayFrom: 50))
        // Nothing is left beside it: the temporary file was renamed over the old one.
        #expect(try FileManager.default.contentsOfDirectory(atPath: "\(dir)/offsets") == ["x.json"])
    }

    /// A file that is not a checkpoint (damaged, hand-edited, extreme) is refused with its path, never trusted.
    @Test(arguments: ["", "{", "[]", "null", #"{"offset": 5}"#,
                      #"{"broker":"b","vhost":"/","stream":"s","offset":-1,"replayFrom":0,"savedAt":""}"#,
                      #"{"broker":"b","vhost":"/","stream":"s","offset":5,"replayFrom":9,"savedAt":""}"#,
                      #"{"broker":"b","vhost":"/","stream":"s","offset":1e30,"replayFrom":0,"savedAt":""}"#,
                      #"{"broker":"b","vhost":"/","stream":"s","offset":9223372036854775808,"replayFrom":0,"savedAt":""}"#])
    func refusesWhatIsNotACheckpoint(text: String) throws {
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = "\(dir)/x.json"
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        #expect(throws: CheckpointFileError.malformed(path)) { try CheckpointFile(path: path).load() }
    }

    @Test func anUnwritablePlaceIsAnErrorNotACrash() throws {
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try Data().write(to: URL(fileURLWithPath: "\(dir)/file"))
        let file = CheckpointFile(path: "\(dir)/file/offsets/x.json")  // a directory where a file is
        #expect(throws: CheckpointFileError.unwritable(file.path)) { try file.save(checkpoint()) }
        let recorder = CheckpointRecorder(file: file, broker: "b:1", vhost: "/", stream: "s")
        recorder.applied(EventBatch([], streamOffsets: 0...4))
        recorder.finish()
        #expect(recorder.checkpoint?.offset == 4)
    }

    /// The recorder writes after a batch (throttled), keeps the highest offset applied, and writes what is left on
    /// `finish`. A batch without offsets (a classic queue) changes nothing.
    @Test func theRecorderWritesWhatWasApplied() throws {
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let file = CheckpointFile(path: "\(dir)/x.json")
        let recorder = CheckpointRecorder(file: file, broker: "b:1", vhost: "/", stream: "s", interval: 3_600)
        recorder.applied(EventBatch([]))
        #expect(try file.load() == nil)
        let now = Timestamp.now()
        recorder.applied(EventBatch([], arrivedAt: now, streamOffsets: 0...9))
        #expect(try file.load()?.offset == 9)  // the first write is at once
        recorder.applied(EventBatch([], arrivedAt: now, streamOffsets: 10...19))
        #expect(try file.load()?.offset == 9)  // then at most once an interval
        recorder.keepIfDue()
        #expect(try file.load()?.offset == 9)
        recorder.finish()
        let saved = try #require(try file.load())
        #expect(saved.offset == 19)
        #expect(saved.replayFrom == 0)
        #expect(saved.broker == "b:1" && saved.stream == "s")
    }

    /// On a stream gone quiet, what the last batch recorded is written once the interval has passed.
    @Test func aQuietStreamIsKeptByTheNextTick() async throws {
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let file = CheckpointFile(path: "\(dir)/x.json")
        let recorder = CheckpointRecorder(file: file, broker: "b:1", vhost: "/", stream: "s", interval: 0.05)
        recorder.applied(EventBatch([], streamOffsets: 0...9))
        recorder.applied(EventBatch([], streamOffsets: 10...19))
        #expect(try file.load()?.offset == 9)
        #expect(await eventually(timeout: 5) {
            recorder.keepIfDue()
            return (try? file.load())??.offset == 19
        })
    }

    @Test func aFirstRunReadsTheDefaultWindow() {
        let resume = ResumePoint(stream: "s", saved: .success(nil), streamEnd: 10, firstRun: .ago(seconds: 86_400))
        #expect(resume.start == .ago(seconds: 86_400))
        #expect(resume.notice == "first run on the stream s: reading the last 1d")
        #expect(resume.warning == nil)
    }

    @Test func aSavedCheckpointReplaysItsWindow() {
        let resume = ResumePoint(stream: "s", saved: .success(checkpoint(offset: 41, replayFrom: 3)), streamEnd: 60,
                                 firstRun: .ago(seconds: 86_400))
        #expect(resume.start == .offset(3))
        #expect(resume.notice?.contains("after offset 41") == true)
        #expect(resume.warning == nil)
    }

    /// An offset past the stream's end means the stream was declared again: its numbering started over.
    @Test func aStreamShorterThanTheCheckpointIsNew() {
        let resume = ResumePoint(stream: "s", saved: .success(checkpoint(offset: 41)), streamEnd: 7,
                                 firstRun: .ago(seconds: 86_400))
        #expect(resume.start == .ago(seconds: 86_400))
        #expect(resume.warning?.contains("declared again") == true)
    }

    @Test func aDamagedFileIsSaidAndTheDefaultRead() {
        let resume = ResumePoint(stream: "s", saved: .failure(.malformed("/x.json")), streamEnd: nil,
                                 firstRun: .ago(seconds: 86_400))
        #expect(resume.start == .ago(seconds: 86_400))
        #expect(resume.warning == "the saved stream offset /x.json is not a valid checkpoint: reading the last 1d instead")
    }
}
