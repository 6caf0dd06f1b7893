import FleetCore

/// What each scheduled action does to a vehicle, and what it schedules next.
extension Simulation {
    mutating func setUpInitialPhase(_ v: Int) {
        let config = configuration
        schedule(.parkedReading(v), in: random.uniform(1...config.parkedReadingInterval))
        schedule(.masterDataChange(v), in: random.exponential(mean: config.meanTimeToMasterDataChange))
        if fleet[v].model.hasSmokeSensor {
            schedule(.smokeCheck(v), in: random.exponential(mean: config.meanTimeToSmoke))
        }
        let roll = random.unit()
        if roll < 0.05 {
            fleet[v].online = false
            fleet[v].onlineModifiedAt = earlier(random.uniform(60...1800)).truncatedToSeconds
            fleet[v].phase += 1
            schedule(.comeOnline(v, phase: fleet[v].phase), in: random.uniform(config.offlineDuration))
        } else if roll < 0.25 {
            fleet[v].inRental = true
            fleet[v].rentalModifiedAt = earlier(random.uniform(60...1800)).truncatedToSeconds
            fleet[v].tripsLeft = random.int(1...3)
            fleet[v].phase += 1
            schedule(.tripStart(v, phase: fleet[v].phase), in: random.uniform(5...300))
        } else {
            becomeAvailable(v)
        }
    }

    mutating func schedule(_ action: Action, in seconds: Double) {
        agenda.schedule(action, at: later(seconds))
    }

    mutating func perform(_ action: Action) {
        switch action {
        case let .parkedReading(v): parkedReading(v)
        case let .rentalStart(v, phase): if fleet[v].phase == phase { startRental(v) }
        case let .tripStart(v, phase): if fleet[v].phase == phase { startTrip(v) }
        case let .drivingReading(v, trip): drivingReading(v, trip: trip)
        case let .tripEnd(v, trip): endTrip(v, trip: trip)
        case let .rentalEnd(v, phase): if fleet[v].phase == phase { endRental(v) }
        case let .goOffline(v, phase): if fleet[v].phase == phase { goOffline(v) }
        case let .comeOnline(v, phase): if fleet[v].phase == phase { comeOnline(v) }
        case let .masterDataChange(v): changeMasterData(v)
        case let .smokeCheck(v): smokeCheck(v)
        case let .smokeEnd(v, incident): endSmoke(v, incident: incident)
        case let .deferred(v, body): emit(v, body)
        }
    }

    /// Available: waiting to be rented, and liable to drop offline.
    mutating func becomeAvailable(_ v: Int) {
        fleet[v].phase += 1
        let phase = fleet[v].phase
        schedule(.rentalStart(v, phase: phase), in: random.exponential(mean: configuration.meanTimeToRental))
        schedule(.goOffline(v, phase: phase), in: random.exponential(mean: configuration.meanTimeToOffline))
    }

    mutating func parkedReading(_ v: Int) {
        let interval = configuration.parkedReadingInterval
        schedule(.parkedReading(v), in: interval * random.uniform(0.8...1.2))
        guard fleet[v].online, !fleet[v].isMoving else { return }
        if !fleet[v].inRental, fleet[v].chargePercent < 30 {
            fleet[v].chargePercent = min(100, fleet[v].chargePercent + random.uniform(4...9))  // the operator charges it
        }
        emitReading(v)
    }

    mutating func startRental(_ v: Int) {
        guard fleet[v].online, !fleet[v].inRental else { return becomeAvailable(v) }
        fleet[v].inRental = true
        fleet[v].rentalModifiedAt = earlier(1)
        fleet[v].tripsLeft = random.int(1...3)
        fleet[v].phase += 1
        emitChange(v, [.rentalStatusChanged])
        schedule(.tripStart(v, phase: fleet[v].phase), in: random.uniform(30...300))
    }

    mutating func startTrip(_ v: Int) {
        // An operator may have immobilised the vehicle: the customer gives up and the rental ends.
        guard fleet[v].drivingEnabled, fleet[v].online else { return endRental(v) }
        let tripID = "trp_" + String(ids.uuid().filter { $0 != "-" }.prefix(12)).uppercased()
        let origin = fleet[v].position
        let short = random.chance(configuration.shortTripShare)
        var destination: Position
        var distance: Double
        var duration: Double
        if short {
            duration = random.uniform(12...55)
            distance = duration * random.uniform(2...6) / 1000
            destination = origin.moved(northKilometers: distance * random.uniform(-0.7...0.7),
                                       eastKilometers: distance * random.uniform(-0.7...0.7))
        } else {
            destination = fleet[v].city.randomPosition(using: &random)
            distance = max(0.5, origin.kilometers(to: destination) * 1.3)  // streets are not straight
            let speed = fleet[v].model.vehicleType == "MOPED" ? random.uniform(15...25) : random.uniform(18...34)
            duration = max(90, distance / speed * 3600)
        }
        distance = distance.roundedTo(decimals: 1)
        let startTime = earlier(2)
        let start = TripPoint(time: startTime, position: origin, mileageKilometers: fleet[v].mileageKilometers.rounded(.down))
        fleet[v].locked = false
        fleet[v].ignitionOn = true
        let startedAt = now.microseconds
        let endsAt = later(duration)
        let averageSpeed = distance / max(duration, 1) * 3600
        fleet[v].trip = ActiveTrip(id: tripID, start: start, origin: origin, destination: destination,
                                   startedAt: startedAt, endsAt: endsAt, distanceKilometers: distance,
                                   maxSpeed: (averageSpeed * random.uniform(1.4...2.2)).rounded(),
                                   bow: random.uniform(-0.15...0.15))
        emitReading(v)
        emit(v, .tripStarted(tripID: tripID, start: start))
        let step = configuration.drivingReadingInterval
        if Double(endsAt - startedAt) / 1_000_000 > step {
            schedule(.drivingReading(v, trip: tripID), in: step)
        }
        agenda.schedule(.tripEnd(v, trip: tripID), at: endsAt)
    }

    mutating func drivingReading(_ v: Int, trip tripID: String) {
        guard let trip = fleet[v].trip, trip.id == tripID, now.microseconds < trip.endsAt else { return }
        let fraction = Double(now.microseconds - trip.startedAt) / Double(trip.endsAt - trip.startedAt)
        moveAlong(v, trip: trip, fraction: fraction)
        emitReading(v)
        let next = later(configuration.drivingReadingInterval * random.uniform(0.8...1.2))
        if next < trip.endsAt { agenda.schedule(.drivingReading(v, trip: tripID), at: next) }
    }

    /// Puts the vehicle `fraction` of the way along its trip. The path bows gently to one side (streets are not
    /// straight), smoothly, so consecutive readings never jump.
    mutating func moveAlong(_ v: Int, trip: ActiveTrip, fraction: Double) {
        let previousMileage = fleet[v].mileageKilometers
        var position = trip.origin.interpolated(to: trip.destination, fraction: fraction)
        let straight = trip.origin.kilometers(to: trip.destination)
        if fraction < 1, straight > 0 {
            let bow = trip.bow * straight * sin(Double.pi * fraction)
            // Perpendicular to the direction of travel, in kilometres north and east.
            let north = (trip.destination.lat - trip.origin.lat) * 111.32
            let east = (trip.destination.lon - trip.origin.lon) * 111.32 * cos(trip.origin.lat * .pi / 180)
            let length = (north * north + east * east).squareRoot()
            if length > 0 {
                position = position.moved(northKilometers: -east / length * bow, eastKilometers: north / length * bow)
            }
        }
        fleet[v].position = position
        let mileage = (trip.start.mileageKilometers ?? previousMileage) + trip.distanceKilometers * fraction
        fleet[v].mileageKilometers = max(previousMileage, mileage)
        let used = (fleet[v].mileageKilometers - previousMileage) / fleet[v].model.kilometersPerPercent
        fleet[v].chargePercent = max(1, fleet[v].chargePercent - used)
    }

    mutating func endTrip(_ v: Int, trip tripID: String) {
        guard let trip = fleet[v].trip, trip.id == tripID else { return }
        moveAlong(v, trip: trip, fraction: 1)
        fleet[v].trip = nil
        fleet[v].ignitionOn = false
        let end = TripPoint(time: earlier(2), position: fleet[v].position,
                            mileageKilometers: fleet[v].mileageKilometers.rounded(.down))
        emitReading(v)
        emit(v, .tripEnded(tripID: tripID, start: trip.start, end: end))

        let duration = (Double(trip.endsAt - trip.startedAt) / 1_000_000).rounded()
        let report: SimEvent.Body = duration < 60
            ? .tripDiscarded(tripID: tripID, reason: "TOO_SHORT")
            : .tripMetricsReady(tripID: tripID, distanceKilometers: trip.distanceKilometers, durationSeconds: duration,
                                maxSpeedKilometersPerHour: trip.maxSpeed)
        schedule(.deferred(v, report), in: random.uniform(20...120))

        fleet[v].tripsLeft -= 1
        let phase = fleet[v].phase
        if fleet[v].tripsLeft > 0 {
            schedule(.tripStart(v, phase: phase), in: random.uniform(120...900))
        } else {
            schedule(.rentalEnd(v, phase: phase), in: random.uniform(30...180))
        }
    }

    mutating func endRental(_ v: Int) {
        guard fleet[v].inRental, !fleet[v].isMoving else { return becomeAvailable(v) }
        fleet[v].locked = true
        fleet[v].ignitionOn = false
        fleet[v].inRental = false
        fleet[v].rentalModifiedAt = earlier(1)
        emitReading(v)
        emitChange(v, [.rentalStatusChanged])
        becomeAvailable(v)
    }

    mutating func goOffline(_ v: Int) {
        guard fleet[v].smoke == nil else {
            // An open incident keeps the unit online until its data is sent.
            return schedule(.goOffline(v, phase: fleet[v].phase), in: 600)
        }
        fleet[v].online = false
        fleet[v].onlineModifiedAt = earlier(1)
        fleet[v].phase += 1
        emitChange(v, [.lifeStatusChanged])
        schedule(.comeOnline(v, phase: fleet[v].phase), in: random.uniform(configuration.offlineDuration))
    }

    mutating func comeOnline(_ v: Int) {
        fleet[v].online = true
        fleet[v].onlineModifiedAt = earlier(1)
        emitChange(v, [.lifeStatusChanged])
        emitReading(v)
        becomeAvailable(v)
    }

    mutating func changeMasterData(_ v: Int) {
        schedule(.masterDataChange(v), in: random.exponential(mean: configuration.meanTimeToMasterDataChange))
        var reasons: [ChangeReason] = [.masterDataChanged]
        if random.chance(0.5) {
            var taken = Set(fleet.compactMap(\.masterData.licensePlate))
            fleet[v].masterData.licensePlate = FleetFactory.plate(in: fleet[v].city, taken: &taken, using: &random)
        } else {
            fleet[v].masterData.customName = "\(fleet[v].model.shortName) \(random.int(1...99))"
        }
        if random.chance(0.3) {
            let seasonal = "winter-tyres"
            if let i = fleet[v].tags.firstIndex(of: seasonal) {
                fleet[v].tags.remove(at: i)
            } else {
                fleet[v].tags.append(seasonal)
            }
            reasons.append(.other("TAGS_CHANGED"))
        }
        emitChange(v, reasons)
    }

    mutating func smokeCheck(_ v: Int) {
        schedule(.smokeCheck(v), in: random.exponential(mean: configuration.meanTimeToSmoke))
        guard fleet[v].online, fleet[v].smoke == nil else { return }
        let incidentID = "smk_" + String(ids.uuid().prefix(8)).uppercased()
        let detectedAt = earlier(2)
        let endsAt = later(random.uniform(300...720))
        fleet[v].smoke = ActiveSmoke(id: incidentID, startedAt: detectedAt, endsAt: endsAt,
                                     peak: random.uniform(150...600).roundedTo(decimals: 1))
        emit(v, .smokeDetected(incidentID: incidentID, detectedAt: detectedAt, position: fleet[v].position))
        agenda.schedule(.smokeEnd(v, incident: incidentID), at: endsAt)
    }

    mutating func endSmoke(_ v: Int, incident: String) {
        guard let smoke = fleet[v].smoke, smoke.id == incident else { return }
        fleet[v].smoke = nil
        let endedAt = earlier(9)
        let middle = Timestamp(microseconds: (smoke.startedAt.microseconds + endedAt.microseconds) / 2)
        let samples = [
            SmokeSample(timestamp: smoke.startedAt, pm25: random.uniform(25...60).roundedTo(decimals: 1)),
            SmokeSample(timestamp: middle, pm25: smoke.peak),
            SmokeSample(timestamp: endedAt, pm25: random.uniform(10...30).roundedTo(decimals: 1)),
        ]
        emit(v, .smokeDataReady(incidentID: incident, startedAt: smoke.startedAt, endedAt: endedAt,
                                maxPM25: smoke.peak, samples: samples))
    }
}

extension Timestamp {
    /// Whole seconds, as status times usually are.
    var truncatedToSeconds: Timestamp {
        Timestamp(microseconds: microseconds - ((microseconds % 1_000_000) + 1_000_000) % 1_000_000)
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
