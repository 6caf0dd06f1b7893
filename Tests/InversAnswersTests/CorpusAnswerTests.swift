import Foundation
import InversAnswers
import Testing
import TestSupport

/// JSONTestSuite's cases (`Tests/FleetCoreTests/Fixtures/JSONTestSuite`) as the body of an API answer, at 200
/// and as a problem: every reader answers without trapping, none reads a case that is not JSON as a token, a page,
/// a vehicle or a state, and no text for the user holds a control character. (`FleetCoreTests.JSONTestSuiteTests`
/// checks the reader itself against the corpus.)
@Suite struct CorpusAnswerTests {
    static let directory = Fixture.directory.appendingPathComponent("JSONTestSuite/test_parsing")

    static let cases: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return names.filter { $0.hasSuffix(".json") }.sorted()
    }()

    @Test func theCorpusIsThere() {
        #expect(Self.cases.count == 318)
    }

    @Test(arguments: cases)
    func everyReaderSurvivesTheCase(_ name: String) throws {
        let body = [UInt8](try Data(contentsOf: Self.directory.appendingPathComponent(name)))
        // Each case wrapped as a member too, so that it reaches the readers' members, not only the top.
        let wrapped = Array(#"{"access_token": "t", "items": [{"id": "V"}], "title": "#.utf8) + body + Array("}".utf8)
        for bytes in [body, wrapped] {
            for status in [200, 409] {
                let answer = APIAnswer(status: status, reasonPhrase: "", headers: [], body: bytes)
                var read: [String] = []
                do {
                    let grant = try answer.token()
                    read.append("token")
                    expectSafe(grant.note ?? "")
                } catch { expectSafe("\(error)") }
                do {
                    let page = try answer.vehiclePage()
                    read.append("page")
                    page.skipped.forEach { expectSafe($0) }
                } catch { expectSafe("\(error)") }
                do {
                    _ = try answer.vehicleResource()
                    read.append("vehicle")
                } catch { expectSafe("\(error)") }
                do {
                    _ = try answer.commandState()
                    read.append("state")
                } catch { expectSafe("\(error)") }
                expectSafe(answer.failure().description)
                if name.hasPrefix("n_") {
                    #expect(read.isEmpty, "\(name) read as \(read)")
                    #expect(answer.problemType == nil, "\(name) has a problem type")
                }
            }
        }
    }

    func expectSafe(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(!text.unicodeScalars.contains(where: SafeText.isUnsafe), "\(text)", sourceLocation: sourceLocation)
    }
}
