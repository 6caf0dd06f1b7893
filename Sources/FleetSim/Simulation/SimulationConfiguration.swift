import FleetCore

/// What a simulated fleet looks like and how lively it is. Times are in simulated seconds; the defaults give a
/// plausible city fleet: about 3 events a second per 100 vehicles, nine in ten of them `VehicleStateRecorded`
/// (driving vehicles report every 15 s). Incidents are far more frequent than in life (a vehicle with a smoke
/// sensor has one every two days or so) so that a demo or a test run shows some.
public struct SimulationConfiguration: Sendable, Hashable {
    /// How many vehicles.
    public var vehicles: Int
    /// The seed: the same seed, start and configuration give the same events, byte for byte.
    public var seed: UInt64
    /// The simulated time the run starts at (the command line uses the wall clock unless told otherwise).
    public var start: Timestamp
    public var fleetID: String
    public var cities: [City]

    /// A parked, online vehicle reports its state this often.
    public var parkedReadingInterval: Double
    /// A driving vehicle reports its state (moving position) this often.
    public var drivingReadingInterval: Double
    /// Mean wait before an available vehicle is rented.
    public var meanTimeToRental: Double
    /// Mean time an available vehicle stays online before its telematics unit drops out.
    public var meanTimeToOffline: Double
    /// How long an offline vehicle stays offline.
    public var offlineDuration: ClosedRange<Double>
    /// Mean time between master-data changes of one vehicle (a new plate, a new name).
    public var meanTimeToMasterDataChange: Double
    /// Mean time between smoke incidents of one vehicle with a smoke sensor.
    public var meanTimeToSmoke: Double
    /// The share of trips shorter than a minute (discarded by INVERS).
    public var shortTripShare: Double

    public init(vehicles: Int = 300, seed: UInt64 = 1,
                start: Timestamp = Timestamp(iso8601: "2026-11-28T08:00:00Z")!,
                fleetID: String = "EXFL29", cities: [City] = [.berlin, .munich],
                parkedReadingInterval: Double = 300, drivingReadingInterval: Double = 15,
                meanTimeToRental: Double = 2400, meanTimeToOffline: Double = 6 * 3600,
                offlineDuration: ClosedRange<Double> = 120...1800, meanTimeToMasterDataChange: Double = 3 * 86_400,
                meanTimeToSmoke: Double = 2 * 86_400, shortTripShare: Double = 0.1) {
        self.vehicles = vehicles
        self.seed = seed
        self.start = start
        self.fleetID = fleetID
        self.cities = cities
        self.parkedReadingInterval = parkedReadingInterval
        self.drivingReadingInterval = drivingReadingInterval
        self.meanTimeToRental = meanTimeToRental
        self.meanTimeToOffline = meanTimeToOffline
        self.offlineDuration = offlineDuration
        self.meanTimeToMasterDataChange = meanTimeToMasterDataChange
        self.meanTimeToSmoke = meanTimeToSmoke
        self.shortTripShare = shortTripShare
    }
}
