// fuzz-rest: one answer of the INVERS REST API, read through `APIAnswer` (InversAnswers) as every kind of answer
// the client reads: a token, a page of vehicles, one vehicle, a command's answer, a problem, and the rate-limit
// headers of a 429. Input format: `RESTInput`.
//
// Besides "no crash", it checks what the readers promise, trapping when one does not hold:
// - a rate-limit wait is never negative and never longer than `RateLimitWait.maximum`;
// - a token lives at least a second and at most `TokenGrant.maximumLifetime`;
// - no text meant for the user (failures, notes) holds a control character.
import FleetCore
import FuzzDriver
import InversAnswers

/// The local clock the rate-limit headers are read against (epoch seconds): fixed, so a run is deterministic.
enum Clock {
    static let now: Double = 1_764_412_800
}

@_cdecl("LLVMFuzzerTestOneInput")
public func testOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let input = RESTInput(FuzzDriver.bytes(data, size))
    let answer = APIAnswer(status: input.status, reasonPhrase: input.reasonPhrase, headers: input.headers,
                           body: input.body)
    read(answer)
    // The same body as a success too, so that every input reaches the readers past their status check.
    if !answer.isSuccess {
        read(APIAnswer(status: 200, reasonPhrase: "OK", headers: input.headers, body: input.body))
    }
    return 0
}

func read(_ answer: APIAnswer) {
    do {
        let grant = try answer.token()
        precondition(grant.lifetime >= .seconds(1) && grant.lifetime <= TokenGrant.maximumLifetime,
                     "a token lifetime out of bounds: \(grant.lifetime)")
        grant.note.map(checkSanitised)
    } catch { checkSanitised("\(error)") }
    do {
        let page = try answer.vehiclePage()
        page.skipped.forEach(checkSanitised)
    } catch { checkSanitised("\(error)") }
    do { _ = try answer.vehicleResource() } catch { checkSanitised("\(error)") }
    do { _ = try answer.commandState() } catch { checkSanitised("\(error)") }
    checkSanitised(answer.failure(context: "fuzz").description)

    let wait = answer.rateLimitWait(now: Clock.now)
    if let duration = wait.duration {
        precondition(duration >= .zero && duration <= RateLimitWait.maximum, "a rate-limit wait out of bounds: \(duration)")
    }
    checkSanitised(answer.rateLimitFailure(wait).description)
}

/// Traps when text meant for the user holds a scalar that must never reach a terminal.
func checkSanitised(_ text: String) {
    precondition(!text.unicodeScalars.contains(where: SafeText.isUnsafe), "text for the user holds a control character")
}

FuzzDriver.run { testOneInput($0, $1) }
