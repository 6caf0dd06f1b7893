import FleetCore
import Testing

/// Plain `amqp://` or `http://` is silent only to this machine, and "this machine" is decided by parsing.
@Suite struct LoopbackHostTests {
    @Test func loopbackAddressesAndLocalhostAreLoopback() {
        for host in ["127.0.0.1", "127.255.3.4", "[::1]", "::1", "0:0:0:0:0:0:0:1", "[0::1]", "::ffff:127.0.0.1",
                     "localhost", "LOCALHOST", "localhost.", "api.localhost", "[::FFFF:127.1.2.3]"] {
            #expect(isLoopbackHost(host), "\(host)")
        }
    }

    @Test func namesAndOtherAddressesThatLookLikeLoopbackAreNot() {
        for host in ["127.evil.example", "127.0.0.1.evil.example", "localhost.evil.example", "evillocalhost",
                     "128.0.0.1", "10.0.0.1", "::2", "::", "[::1", "::ffff:10.0.0.1", "", "[]",
                     "127.0.0.1\u{0}.evil.example", "127.1", "0x7f.0.0.1", "2130706433", "127.0.0.256",
                     " 127.0.0.1", "api.invers.com"] {
            #expect(!isLoopbackHost(host), "\(host)")
        }
    }
}
