import AMQP
import ArgumentParser
import FleetConfig
import FleetCore
import FleetStream

extension Settings {
    /// The event stream's configuration from the resolved settings (URL, queues, prefetch, extra CA), for `tail`
    /// and the dashboard. Errors are `ValidationError`s that say what to set; none repeats the URL (it may hold
    /// the password).
    /// With a stream configured, `start` says where to read it from; classic queues ignore it.
    func streamConfiguration(connectionName: String, start: StreamStart) throws -> StreamConfiguration {
        guard let urlText = amqpURL else {
            throw ValidationError("no event stream configured: set FLEETWATCH_AMQP_URL (amqps://USER:PASSWORD@api.invers.com:5671/VHOST) or amqp_url in the config file")
        }
        let url: AMQPURL
        do {
            url = try AMQPURL(urlText)
        } catch {
            throw ValidationError("the AMQP URL is not valid: \(error)")
        }
        if let stream {
            return StreamConfiguration(url: url, queues: [stream], start: start, prefetch: prefetch, tlsCAFile: tlsCA,
                                       connectionName: connectionName)
        }
        guard !queues.isEmpty else {
            throw ValidationError("no queue to consume: pass --queue NAME (repeatable) or set FLEETWATCH_QUEUES, or --stream NAME")
        }
        return StreamConfiguration(url: url, queues: queues, prefetch: prefetch, tlsCAFile: tlsCA,
                                   connectionName: connectionName)
    }
}
