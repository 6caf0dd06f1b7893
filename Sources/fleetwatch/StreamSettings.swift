import AMQP
import ArgumentParser
import FleetConfig
import FleetStream

extension Settings {
    /// The event stream's configuration from the resolved settings (URL, queues, prefetch, extra CA), for `tail`
    /// and the dashboard. Errors are `ValidationError`s that say what to set; none repeats the URL (it may hold
    /// the password).
    func streamConfiguration(connectionName: String) throws -> StreamConfiguration {
        guard let urlText = amqpURL else {
            throw ValidationError("no event stream configured: set FLEETWATCH_AMQP_URL (amqps://USER:PASSWORD@api.invers.com:5671/VHOST) or amqp_url in the config file")
        }
        let url: AMQPURL
        do {
            url = try AMQPURL(urlText)
        } catch {
            throw ValidationError("the AMQP URL is not valid: \(error)")
        }
        guard !queues.isEmpty else {
            throw ValidationError("no queue to consume: pass --queue NAME (repeatable) or set FLEETWATCH_QUEUES")
        }
        return StreamConfiguration(url: url, queues: queues, prefetch: prefetch, tlsCAFile: tlsCA,
                                   connectionName: connectionName)
    }
}
