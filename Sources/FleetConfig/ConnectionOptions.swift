import ArgumentParser

/// The connection options every command shares, from `SettingDefinition`: flags win over the environment, which
/// wins over the config file (`Settings.resolve`). No option takes a secret as its value.
public struct ConnectionOptions: ParsableArguments, Sendable {
    @Option(name: .customLong(SettingDefinition.amqpURL.flag), help: SettingDefinition.amqpURL.argumentHelp)
    public var amqpURL: String?

    @Option(name: .customLong(SettingDefinition.queues.flag), help: SettingDefinition.queues.argumentHelp)
    public var queues: [String] = []

    @Option(name: .customLong(SettingDefinition.stream.flag), help: SettingDefinition.stream.argumentHelp)
    public var stream: String?

    @Option(name: .customLong(SettingDefinition.apiURL.flag), help: SettingDefinition.apiURL.argumentHelp)
    public var apiURL: String?

    @Option(name: .customLong(SettingDefinition.tokenURL.flag), help: SettingDefinition.tokenURL.argumentHelp)
    public var tokenURL: String?

    @Option(name: .customLong(SettingDefinition.clientID.flag), help: SettingDefinition.clientID.argumentHelp)
    public var clientID: String?

    @Option(name: .customLong(SettingDefinition.clientSecretFile.flag),
            help: SettingDefinition.clientSecretFile.argumentHelp)
    public var clientSecretFile: String?

    @Option(name: .customLong(SettingDefinition.tlsCA.flag), help: SettingDefinition.tlsCA.argumentHelp)
    public var tlsCA: String?

    @Option(name: .customLong(SettingDefinition.prefetch.flag), help: SettingDefinition.prefetch.argumentHelp)
    public var prefetch: Int?

    @Option(name: .customLong(SettingDefinition.theme.flag), help: SettingDefinition.theme.argumentHelp)
    public var theme: String?

    @Flag(name: .customLong(SettingDefinition.readOnly.flag), help: SettingDefinition.readOnly.argumentHelp)
    public var readOnly = false

    @Option(name: .customLong(SettingDefinition.confirmTimeout.flag),
            help: SettingDefinition.confirmTimeout.argumentHelp)
    public var confirmTimeout: Int?

    @Option(name: .customLong(SettingDefinition.config.flag), help: SettingDefinition.config.argumentHelp)
    public var config: String?

    public init() {}
}

extension SettingDefinition {
    /// The flag's help for ArgumentParser.
    public var argumentHelp: ArgumentHelp { ArgumentHelp(help, valueName: valueName) }
}
