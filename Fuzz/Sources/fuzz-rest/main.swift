// fuzz-rest: one answer of the INVERS REST API, read as every kind of answer the client reads: a token, a page of
// vehicles, one vehicle, a command's answer (a vehicle state) and a problem. Input format: `RESTInput`.
//
// Today this reaches FleetCore's half of the reading (the JSON tape, `VehicleResource(json:)`,
// `VehicleState(json:)`, sanitising): the other half (InversAPI's `APIAnswer`: `Retry-After`,
// `X-Rate-Limit-Reset`, the token's `expires_in`, the problem's failure) is in the NIO module. SLOT: when that
// reading moves to its NIO-free module, add the module to this target in Package.swift and call it in
// `readAnswerHeaders` and where marked below.
import FleetCore
import FuzzDriver

@_cdecl("LLVMFuzzerTestOneInput")
public func testOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let input = RESTInput(FuzzDriver.bytes(data, size))
    readAnswerHeaders(input.headers)
    guard let json = (try? JSONDocument(bytes: input.body))?.root else { return 0 }

    // A token answer (`{"access_token", "token_type", "expires_in"}`). SLOT: the client's token reading.
    _ = json["access_token"]?.string
    _ = json["token_type"]?.string?.lowercased()
    _ = json["expires_in"]?.double

    // A page of vehicles (`{"items": […], "next_cursor"}`), as `InversClient.allVehicles` reads it.
    if let items = json["items"]?.elements {
        for item in items { _ = try? VehicleResource(json: item) }
    }
    _ = json["next_cursor"]?.string

    // One vehicle, and a command's answer.
    _ = try? VehicleResource(json: json)
    _ = try? VehicleState(json: json)

    // A problem (`application/problem+json`), sanitised as `APIAnswer.failure` does. SLOT: `APIAnswer.failure`.
    for text in [json["type"]?.string, json["title"]?.string, json["detail"]?.string, json["flow_id"]?.string] {
        if let text { checkSanitised(SafeText.sanitize(text)) }
    }
    return 0
}

/// The headers the client acts on. SLOT: `APIAnswer(status:…, retryAfter:, rateLimitReset:).rateLimitWait(now:)`.
func readAnswerHeaders(_ headers: [String: String]) {
    _ = headers["status"].flatMap { Int($0) }
    _ = headers["Retry-After"]
    _ = headers["X-Rate-Limit-Reset"]
    _ = headers["X-INVERS-Flow-ID"]
}

/// Traps when sanitised text still holds a scalar that must never reach a terminal.
func checkSanitised(_ text: String) {
    precondition(!text.unicodeScalars.contains(where: SafeText.isUnsafe), "sanitised text holds a control character")
}

FuzzDriver.run { testOneInput($0, $1) }
