import FleetCore
import InversAnswers
import Testing

/// Every REST answer the client reads, from raw bytes and header strings: the token (with a bounded
/// `expires_in`), a vehicle page, a command's answer, and a problem.
@Suite struct AnswerReadingTests {
    func answer(_ status: Int = 200, _ body: String, headers: [(name: String, value: String)] = []) -> APIAnswer {
        APIAnswer(status: status, reasonPhrase: status == 200 ? "OK" : "Error", headers: headers,
                  body: Array(body.utf8))
    }

    func tokenBody(expiresIn: String?) -> String {
        #"{"access_token":"tok-1","token_type":"bearer""# + (expiresIn.map { #","expires_in":"# + $0 } ?? "") + "}"
    }

    @Test func aTokenAnswerGivesTheTokenAndItsLifetime() throws {
        let grant = try answer(200, tokenBody(expiresIn: "900")).token()
        #expect(grant.accessToken.value == "tok-1")
        #expect(grant.lifetime == .seconds(900))
        #expect(grant.note == nil)
        #expect(try answer(200, tokenBody(expiresIn: "3600.9")).token().lifetime == .seconds(3600))
        #expect(try answer(200, tokenBody(expiresIn: "1")).token().lifetime == .seconds(1))
        #expect(try answer(200, tokenBody(expiresIn: "86400")).token().lifetime == .seconds(86_400))
        #expect(try answer(200, tokenBody(expiresIn: nil)).token() == TokenGrant(accessToken: Secret("tok-1"),
                                                                                  lifetime: .seconds(900)))
        #expect(try answer(200, tokenBody(expiresIn: "null")).token().lifetime == TokenGrant.defaultLifetime)
    }

    /// Too long is a day; not a lifetime of a second or more is the 900 s default; either way with a note.
    @Test func anAbsurdExpiresInIsBoundedWithANote() throws {
        for raw in ["1e400", "1e19", "99999999999999999999", "86401", "1.7976931348623157e308"] {
            let grant = try answer(200, tokenBody(expiresIn: raw)).token()
            #expect(grant.lifetime == TokenGrant.maximumLifetime || grant.lifetime == TokenGrant.defaultLifetime, "\(raw)")
            #expect(grant.note != nil, "\(raw)")
        }
        #expect(try answer(200, tokenBody(expiresIn: "1e19")).token().lifetime == TokenGrant.maximumLifetime)
        for raw in ["-5", "0", "0.5", "-1e400", "\"x\"", "\"900\"", "true", "[]", "{}", "-0"] {
            let grant = try answer(200, tokenBody(expiresIn: raw)).token()
            #expect(grant.lifetime == TokenGrant.defaultLifetime, "\(raw)")
            #expect(grant.note != nil, "\(raw)")
        }
    }

    @Test func aTokenAnswerWithoutATokenOrOfAnotherTypeIsABadResponse() {
        #expect(throws: CommandFailure.self) { try answer(200, #"{"token_type":"bearer"}"#).token() }
        #expect(throws: CommandFailure.self) { try answer(200, #"{"access_token":""}"#).token() }
        #expect(throws: CommandFailure.self) { try answer(200, "not json").token() }
        do {
            _ = try answer(200, #"{"access_token":"t","token_type":"mac\u001b[2J"}"#).token()
            Issue.record("expected a failure")
        } catch {
            #expect(error.kind == .badResponse)
            #expect(!error.description.contains("\u{1B}"))
        }
        do {
            _ = try answer(401, #"{"type":"/problems/invalid-credentials","title":"Invalid credentials."}"#).token()
            Issue.record("expected a failure")
        } catch {
            #expect(error.kind == .problem)
            #expect(error.title == "Token request failed: Invalid credentials.")
        }
    }

    /// A token and a cursor are used as they came: not cut to the length event fields are kept at.
    @Test func aLongTokenAndALongCursorAreKeptWhole() throws {
        let token = String(repeating: "eyJhbGciOiJSUzI1NiJ9.", count: 100)
        #expect(try answer(200, #"{"access_token":""# + token + #"","token_type":"Bearer"}"#).token().accessToken.value == token)
        let cursor = String(repeating: "Y3Vyc29yOjE=", count: 100)
        let page = try answer(200, #"{"items":[],"next_cursor":""# + cursor + #""}"#).vehiclePage()
        #expect(page.nextCursor == cursor)
    }

    /// Members of another kind than the contract's are as absent; the answer is still read.
    @Test func membersOfAnotherKindAreAbsent() throws {
        let grant = try answer(200, #"{"access_token":"t","token_type":7,"expires_in":{"s":1}}"#).token()
        #expect(grant.accessToken.value == "t")
        #expect(grant.lifetime == TokenGrant.defaultLifetime)
        #expect(try answer(200, #"{"items":[{"id":"V1"}],"next_cursor":5}"#).vehiclePage().nextCursor == nil)
        let problem = answer(409, #"{"type":["x"],"title":null,"detail":"d","flow_id":{}}"#)
        #expect(problem.problemType == nil)
        #expect(problem.failure().title == "HTTP 409 Error")
        #expect(problem.failure().detail == "d")
        #expect(problem.failure().flowID == nil)
    }

    @Test func headersAreFoundWhateverTheirCase() {
        let a = answer(429, "", headers: [("retry-after", "7"), ("X-INVERS-FLOW-ID", "f-1"), ("x-rate-limit-reset", "5"),
                                          ("Retry-After", "9")])
        #expect(a.retryAfter == "7")
        #expect(a.flowID == "f-1")
        #expect(a.rateLimitReset == "5")
    }

    @Test func aVehiclePageSkipsUnreadableEntriesAndGivesTheCursor() throws {
        let page = try answer(200, #"{"items":[{"id":"V1"},{"id":7},{"id":"V2"}],"next_cursor":"Y3Vy"}"#).vehiclePage()
        #expect(page.vehicles.map(\.id) == ["V1", "V2"])
        #expect(page.skipped == ["vehicle 1 of the page: items[1].id: expected a string, found a number"])
        #expect(try answer(200, #"{"items":[null, 5, {"id":"V"}]}"#).vehiclePage().skipped == [
            "vehicle 0 of the page: items[0]: expected an object, found null",
            "vehicle 1 of the page: items[1]: expected an object, found a number",
        ])
        #expect(page.nextCursor == "Y3Vy")
        #expect(try answer(200, #"{"items":[],"next_cursor":""}"#).vehiclePage().nextCursor == nil)
        #expect(throws: CommandFailure.self) { try answer(200, #"{"items":{}}"#).vehiclePage() }
        #expect(throws: CommandFailure.self) { try answer(200, #"{"items":[{"id":"V1"}],"x":[}"#).vehiclePage() }
        #expect(throws: CommandFailure.self) { try answer(500, #"{"items":[]}"#).vehiclePage() }
    }

    @Test func aCommandAnswerIsTheVehicleStateOrSaysTheCommandMayHaveRun() throws {
        let state = #"{"central_lock":{"value":"LOCKED","timestamp":"2026-10-21T07:28:00Z"}}"#
        let result = try answer(200, state, headers: [("X-INVERS-Flow-ID", "f-\u{1B}2")]).commandState()
        #expect(result.state.centralLock?.value == .locked)
        #expect(result.flowID == "f-?2")
        do {
            _ = try answer(200, "[").commandState()
            Issue.record("expected a failure")
        } catch {
            #expect(error.kind == .badResponse)
            #expect(error.title.contains("may have run"))
        }
    }

    @Test func aProblemWithoutJSONStillSaysStatusAndFlowAndIsSanitised() {
        let plain = APIAnswer(status: 502, reasonPhrase: "Bad Gateway", flowID: "f-1\u{1B}[31m", retryAfter: nil,
                              rateLimitReset: nil, body: Array("<html>bad gateway</html>".utf8))
        let failure = plain.failure()
        #expect(failure.status == 502)
        #expect(failure.title == "HTTP 502 Bad Gateway")
        #expect(failure.flowID == "f-1?[31m")
        let hostile = APIAnswer(status: 409, reasonPhrase: "Conflict", flowID: nil, retryAfter: nil,
                                rateLimitReset: nil,
                                body: Array(#"{"type":"/x","title":"T\u001b[2J","detail":"d","flow_id":"from-body"}"#.utf8))
        #expect(hostile.failure().title == "T?[2J")
        #expect(hostile.failure().flowID == "from-body")
        #expect(hostile.failure().problemType == "/x")
    }
}
