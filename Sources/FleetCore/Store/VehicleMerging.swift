/// How each kind of report merges into a `Vehicle`: per property, newest stamp wins.
///
/// A property's stamp is its own time where INVERS gives one (`modified_at`, a reading's `timestamp`), else the
/// event's `occurred_at`; either no later than `clamp` allows (see `FleetState.apply(_:arrivedAt:)`). A trip's and
/// an incident's values carry the event's stamp; their own times (a trip's start) only order trips and incidents.

func merge(_ resource: VehicleResource, into vehicle: inout Vehicle, default stamp: Stamp, clamp: StampClamp) {
    if let m = resource.masterData {
        if let v = m.licensePlate { vehicle.plate.update(v, stamp: stamp) }
        if let v = m.customName { vehicle.name.update(v, stamp: stamp) }
        if let v = m.brand { vehicle.brand.update(v, stamp: stamp) }
        if let v = m.model { vehicle.model.update(v, stamp: stamp) }
    }
    if let s = resource.lifeStatus { vehicle.lifeStatus.update(s.value, stamp: stamp.at(s.modifiedAt, within: clamp)) }
    if let s = resource.rentalStatus { vehicle.rentalStatus.update(s.value, stamp: stamp.at(s.modifiedAt, within: clamp)) }
    if let s = resource.operationStatus { vehicle.operationStatus.update(s, stamp: stamp) }
    if let c = resource.commands { vehicle.commands.update(c, stamp: stamp) }
}

func merge(_ state: VehicleState, into vehicle: inout Vehicle, default stamp: Stamp, clamp: StampClamp) {
    if let r = state.centralLock { vehicle.centralLock.update(r.value, stamp: stamp.at(r.timestamp, within: clamp)) }
    if let r = state.position { vehicle.position.update(r.value, stamp: stamp.at(r.timestamp, within: clamp)) }
    if let r = state.chargeOrFuelPercent { vehicle.chargeOrFuelPercent.update(r.value, stamp: stamp.at(r.timestamp, within: clamp)) }
    if let r = state.remainingRangeKilometers {
        vehicle.remainingRangeKilometers.update(r.value, stamp: stamp.at(r.timestamp, within: clamp))
    }
    if let r = state.mileageKilometers { vehicle.mileageKilometers.update(r.value, stamp: stamp.at(r.timestamp, within: clamp)) }
    if let r = state.drivingEnabled { vehicle.drivingEnabled.update(r.value, stamp: stamp.at(r.timestamp, within: clamp)) }
    if let r = state.ignition { vehicle.ignition.update(r.value, stamp: stamp.at(r.timestamp, within: clamp)) }
}

/// Trips merge by id; of two different trips, the one that started later is the vehicle's current trip.
///
/// A trip's order comes from its start and end times, and from the event's time only for `TripStarted`, which
/// happens as the trip starts. A `TripMetricsReady` or `TripDiscarded` occurs after its trip ended: taking its
/// time for the trip's, the metrics of the last trip, arriving after the next one started, made the last trip
/// current again, and the next one's events were then dropped as older.
func mergeTrip(_ report: TripReport, type: EventType, into vehicle: inout Vehicle, stamp: Stamp, clamp: StampClamp) {
    let order = earliest(report.start?.time, report.end?.time, occurredAt: type == .tripStarted ? stamp.time : nil,
                         clamp: clamp)
    var trip: TripState
    if let current = vehicle.trip, current.tripID == report.tripID {
        trip = current
        trip.order = min(trip.order, order)
    } else {
        if let current = vehicle.trip,
           (current.order, current.tripID) > (order, report.tripID) { return }  // an older trip, late
        trip = TripState(tripID: report.tripID, order: order)
    }
    if let t = report.start?.time { trip.start.update(t, stamp: stamp) }
    if let t = report.end?.time { trip.end.update(t, stamp: stamp) }
    if type == .tripEnded, report.end?.time == nil, stamp.time != Stamp.unknownTime {
        trip.endedBy.update(stamp.time, stamp: stamp)
    }
    if let d = report.distanceKilometers { trip.distance.update(d, stamp: stamp) }
    if let d = report.durationSeconds { trip.duration.update(d, stamp: stamp) }
    if type == .tripDiscarded { trip.discard.update(report.discardReason ?? "DISCARDED", stamp: stamp) }
    vehicle.trip = trip
}

/// Smoke incidents merge by id; `SmokeDataReady` ends one, whichever of the two arrives first. As for trips, the
/// event's time orders an incident only for `SmokeDetected`: a `SmokeDataReady` of an earlier incident, without
/// its `started_at`, took its end for the incident's time and hid a newer, active one.
func mergeSmoke(_ report: SmokeReport, type: EventType, into vehicle: inout Vehicle, stamp: Stamp, clamp: StampClamp) {
    let order = earliest(report.detectedAt, report.startedAt,
                         occurredAt: type == .smokeDetected ? stamp.time : nil, clamp: clamp)
    var incident: SmokeState
    if let current = vehicle.smoke, current.incidentID == report.incidentID {
        incident = current
        incident.order = min(incident.order, order)
    } else {
        if let current = vehicle.smoke,
           (current.order, current.incidentID ?? "") > (order, report.incidentID ?? "") { return }
        incident = SmokeState(incidentID: report.incidentID, order: order)
    }
    if let t = report.detectedAt ?? report.startedAt {
        incident.detectedAt = min(incident.detectedAt ?? t, t)
    }
    if type == .smokeDataReady {
        incident.dataReady = true
        if let t = report.endedAt { incident.end.update(t, stamp: stamp) }
        if let m = report.maxPM25 { incident.peak.update(m, stamp: stamp) }
    }
    vehicle.smoke = incident
}

extension Stamp {
    /// This stamp with the property's own time, when it has one, no later than `clamp` allows.
    func at(_ time: Timestamp?, within clamp: StampClamp) -> Stamp {
        guard let time = clamp.clamp(time) else { return self }
        return Stamp(time: time, tiebreak: tiebreak)
    }
}

/// What orders two trips or two incidents of one vehicle: the earliest of their own times (held to the arrival
/// clamp) and `occurredAt` where the event's time stands for one; unknown when there is none.
private func earliest(_ first: Timestamp?, _ second: Timestamp?, occurredAt: Timestamp?, clamp: StampClamp) -> Timestamp {
    let event = occurredAt == Stamp.unknownTime ? nil : occurredAt
    // Pairwise, not through an array: this runs for every trip and smoke event, and the array was an allocation.
    func earlier(_ a: Timestamp?, _ b: Timestamp?) -> Timestamp? {
        guard let a else { return b }
        guard let b else { return a }
        return min(a, b)
    }
    return earlier(earlier(clamp.clamp(first), clamp.clamp(second)), event) ?? Stamp.unknownTime
}
