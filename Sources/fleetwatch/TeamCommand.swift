import AMQP
import ArgumentParser
import FleetConfig
import FleetCore
import FleetStream

/// `fleetwatch team`: one stream a team reads together (README, "A team on one stream").
struct TeamCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "team", abstract: "Set up a team's stream on its own RabbitMQ broker.",
        subcommands: [TeamInitCommand.self])
}

/// `fleetwatch team init`: declares the stream and prints the shovels that fill it from INVERS.
struct TeamInitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init", abstract: "Declare the team's stream and print the shovels that fill it.",
        discussion: """
            The connection options name the team's broker (--amqp-url or FLEETWATCH_AMQP_URL, a user that may \
            configure queues), the INVERS queues to move (--queue, repeatable) and the stream (--stream, default \
            \(TeamStream.defaultName)). The printed rabbitmqctl lines set up one shovel a queue on the team broker \
            (the rabbitmq_shovel plugin); put the INVERS password in place of \(TeamStream.passwordPlaceholder).
            """)

    @OptionGroup var connection: ConnectionOptions

    @Option(help: ArgumentHelp("The INVERS broker the shovels read from, without the password: "
                               + "amqps://USER@api.invers.com:5671/VHOST.", valueName: "url"))
    var inversURL: String

    @Option(help: ArgumentHelp("How long the stream keeps an event: 24h, 7d …", valueName: "interval"))
    var retention = "7d"

    @Option(help: ArgumentHelp("The CA bundle the shovels verify INVERS's certificate with.", valueName: "file"))
    var shovelCA = "/etc/ssl/certs/ca-certificates.crt"

    func run() throws {
        let settings = try connection.resolve()
        guard case let .ago(retentionSeconds)? = StreamStart(retention) else {
            throw ValidationError("--retention takes an interval such as 24h or 7d, up to 366d")
        }
        let invers: AMQPURL
        do {
            invers = try AMQPURL(inversURL)
        } catch {
            throw ValidationError("--invers-url is not an AMQP URL: \(error)")
        }
        guard !settings.queues.isEmpty else {
            throw ValidationError("name the INVERS queues to move into the stream: --queue NAME (repeatable)")
        }
        let configuration = try settings.streamConfiguration(connectionName: "fleetwatch team init", start: .next)
        let team = TeamStream(name: settings.stream ?? TeamStream.defaultName, retentionSeconds: retentionSeconds)
        let version: String?
        do {
            let broker = try AMQPConnection(url: configuration.url, options: AMQPConnectionOptions(
                tlsCAFile: settings.tlsCA, connectionName: "fleetwatch team init"))
            defer { broker.close() }
            try team.declare(on: broker)
            version = broker.serverVersion
        } catch {
            throw ValidationError("could not declare the stream \(team.name) on \(configuration.url.endpoint): \(error)")
        }
        let retentionText = StreamStart.ago(seconds: retentionSeconds).description
        StandardOutput.writeLine("# The stream \(team.name) on \(configuration.url.endpoint) keeps events for \(retentionText).")
        StandardOutput.writeLine("# One shovel a queue fills it from INVERS. Run these where rabbitmqctl reaches the team broker,")
        StandardOutput.writeLine("# with the INVERS password in place of \(TeamStream.passwordPlaceholder) (and keep it out of your shell history):")
        let predeclared = TeamStream.shovelKnowsPredeclared(brokerVersion: version)
        if !predeclared {
            StandardOutput.writeLine("# RabbitMQ \(SafeText.sanitize(version ?? "(version unknown)")) shovels declare their queues: each INVERS queue "
                                     + "must then be durable without arguments (3.12 on, they are used as they are).")
        }
        for shovel in team.shovels(from: invers, queues: settings.queues, team: configuration.url, predeclared: predeclared,
                                   caFile: shovelCA) {
            StandardOutput.writeLine(shovel.command)
        }
        StandardOutput.writeLine("# Then each operator: fleetwatch --stream \(team.name)   (or: fleetwatch tail --stream \(team.name))")
    }
}
