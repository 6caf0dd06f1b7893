@testable import InversAPI
import FleetCore
import InversAnswers
import Testing

/// The small pieces of wire format the client gets right by itself: Basic credentials, URLs, plain-HTTP warnings.
@Suite struct WireFormatTests {
    @Test func basicCredentialsFormEncodeIDAndSecretBeforeBase64() throws {
        let credentials = ClientCredentials(clientID: "EXFL29#ops team", secret: Secret("a:b%c+d/é"))
        #expect(PercentEncoding.encode("EXFL29#ops team") == "EXFL29%23ops%20team")
        #expect(PercentEncoding.encode("a:b%c+d/é") == "a%3Ab%25c%2Bd%2F%C3%A9")
        let header = credentials.basicAuthorization.value
        #expect(header.hasPrefix("Basic "))
        #expect("\(credentials.basicAuthorization)" == "***")
    }

    @Test func vehicleIDsStayOnePathSegmentAndCursorsAreEncoded() throws {
        let api = try APIEndpoint("https://api.invers.com/")
        #expect(api.url(["vehicles", "JQ7RP", "commands", "lock-central-lock"])
                == "https://api.invers.com/vehicles/JQ7RP/commands/lock-central-lock")
        #expect(api.url(["vehicles", "../auth"]) == "https://api.invers.com/vehicles/..%2Fauth")
        #expect(api.url(["vehicles", ".."]) == "https://api.invers.com/vehicles/%2E%2E")
        #expect(api.url(["vehicles"], query: [("limit", "100"), ("cursor", "Y3Vy+c29y/OjE=")])
                == "https://api.invers.com/vehicles?limit=100&cursor=Y3Vy%2Bc29y%2FOjE%3D")
    }

    /// Plain HTTP is silent only to loopback, decided by parsing the host (`127.evil.example` is a name).
    @Test func plainHTTPToAnotherMachineIsWarnedAbout() throws {
        for url in ["http://127.0.0.1:8080", "http://[::1]:8080", "http://localhost", "http://api.localhost/x"] {
            #expect(try APIEndpoint(url).plainHTTPWarning == nil, "\(url)")
        }
        for url in ["http://127.evil.example", "http://10.0.0.5:8080", "http://api.invers.com", "http://127.1"] {
            let warning = try #require(try APIEndpoint(url).plainHTTPWarning, "\(url)")
            #expect(warning.contains("plain HTTP"))
        }
        #expect(try APIEndpoint("https://api.invers.com").plainHTTPWarning == nil)
    }

    /// A URL refused at setup is shown redacted: a mistyped one may carry a token in its query.
    @Test func aRefusedURLIsShownWithoutItsSecrets() {
        for text in ["https://api.invers.com/?access_token=t0ken-Q", "ftp://user:t0ken-Q@host", "https://u:t0ken-Q@h"] {
            do {
                _ = try APIEndpoint(text)
                Issue.record("expected \(text) to be refused")
            } catch {
                #expect(!error.description.contains("t0ken-Q"), "\(error)")
            }
        }
    }
}
