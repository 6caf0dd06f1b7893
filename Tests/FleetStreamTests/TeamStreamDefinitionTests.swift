import AMQP
import FleetStream
import Foundation
import Testing

/// What `team init` prints: a shovel a queue, the password never real, TLS verified, quoting safe for a shell.
@Suite struct TeamStreamDefinitionTests {
    let invers = try! AMQPURL("amqps://f-FLT23-c-CNSM23A:real-secret@api.invers.com:5671/FLT23")
    let team = try! AMQPURL("amqp://ops:team-secret@team.example:5672/it's%20ours")

    func definition(_ shovel: TeamStream.Shovel) throws -> [String: Any] {
        try #require(JSONSerialization.jsonObject(with: Data(shovel.definition.utf8)) as? [String: Any])
    }

    @Test func oneShovelAQueueWithThePasswordAPlaceholder() throws {
        let shovels = TeamStream().shovels(from: invers, queues: ["vehicle-change", "trip"], team: team, predeclared: true)
        #expect(shovels.map(\.name) == ["fleetwatch-vehicle-change", "fleetwatch-trip"])
        let first = try definition(shovels[0])
        let source = try #require(first["src-uri"] as? String)
        #expect(source.hasPrefix("amqps://f-FLT23-c-CNSM23A:PASSWORD@api.invers.com:5671/FLT23?"))
        #expect(source.contains("verify=verify_peer") && source.contains("server_name_indication=api.invers.com"))
        #expect(first["src-queue"] as? String == "vehicle-change")
        #expect(first["dest-queue"] as? String == TeamStream.defaultName)
        #expect(first["dest-uri"] as? String == "amqp:///it%27s%20ours")
        #expect(first["ack-mode"] as? String == "on-confirm")
        #expect(first["src-predeclared"] as? Bool == true && first["dest-predeclared"] as? Bool == true)
        for shovel in shovels {
            #expect(!shovel.command.contains("real-secret") && !shovel.command.contains("team-secret"))
        }
    }

    /// Before 3.12 a shovel declares its queues: the destination must then be declared a stream.
    @Test func olderBrokersGetTheStreamTypeInsteadOfPredeclared() throws {
        #expect(!TeamStream.shovelKnowsPredeclared(brokerVersion: "3.10.8"))
        #expect(!TeamStream.shovelKnowsPredeclared(brokerVersion: nil))
        #expect(!TeamStream.shovelKnowsPredeclared(brokerVersion: "garbage"))
        #expect(TeamStream.shovelKnowsPredeclared(brokerVersion: "3.12.0"))
        #expect(TeamStream.shovelKnowsPredeclared(brokerVersion: "4.0.5"))
        let old = try definition(TeamStream().shovels(from: invers, queues: ["q"], team: team, predeclared: false)[0])
        #expect(old["src-predeclared"] == nil)
        #expect(old["dest-queue-args"] as? [String: String] == ["x-queue-type": "stream"])
    }

    /// The printed line is one shell command whatever the names hold.
    @Test func theCommandIsQuotedForAShell() throws {
        let shovel = TeamStream().shovels(from: invers, queues: ["q'; rm -rf ~; '"], team: team, predeclared: true)[0]
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "printf '%s\\n' " + shovel.command.dropFirst("rabbitmqctl ".count)]
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let words = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            .split(separator: "\n").map(String.init)
        process.waitUntilExit()
        #expect(words == ["set_parameter", "-p", "it's ours", "shovel", "fleetwatch-q'; rm -rf ~; '", shovel.definition])
        #expect(TeamStream().arguments["x-queue-type"] == .string("stream"))
        #expect(TeamStream(retentionSeconds: 86_400).arguments["x-max-age"] == .string("86400s"))
    }
}
