import FleetCore
import OrderedCollections
import Testing
import TestSupport

/// Offline too long, low charge and stale, against the clock; and `F`'s cycle.
@Suite struct AlertTests {
    let t0 = Timestamp(iso8601: "2026-12-06T12:00:00Z")!
    let thresholds = AlertThresholds(offlineAfterSeconds: 900, lowChargePercent: 20, staleAfterSeconds: 2_700)

    func vehicle(life: String? = nil, lifeAt: String = "2026-12-06T12:00:00Z", charge: Double? = nil,
                 reportAt: String = "2026-12-06T12:00:00Z") -> Vehicle {
        var state = FleetState()
        state.apply(TestEvents.decode(TestEvents.vehicleChanged(id: "e1", vehicle: "V", at: lifeAt, life: life,
                                                                modifiedAt: lifeAt)))
        if let charge {
            state.apply(TestEvents.decode(Array("""
                {"metadata": {"id": "e2", "type": "VehicleStateRecorded", "occurred_at": "\(reportAt)"}, "vehicle_id": "V",
                 "vehicle_state": {"state_of_charge_or_fuel_level_in_percent": {"timestamp": "\(reportAt)", "value": \(charge)}}}
                """.utf8)))
        }
        return state.vehicles["V"]!
    }

    @Test func offlineCountsOnlyOnceTheThresholdHasPassed() {
        let v = vehicle(life: "OFFLINE")
        #expect(!QuickFilter.offline.matches(v, thresholds: thresholds, now: t0.adding(seconds: 899)))
        #expect(QuickFilter.offline.matches(v, thresholds: thresholds, now: t0.adding(seconds: 900)))
        #expect(v.offlineFor(now: t0.adding(seconds: 60)) == 60)
        // Online is never an offline alert, however long.
        #expect(!QuickFilter.offline.matches(vehicle(life: "ONLINE"), thresholds: thresholds, now: t0.adding(seconds: 1e6)))
        // A time ahead of the clock counts as just now, not as negative.
        #expect(v.offlineFor(now: t0.adding(seconds: -30)) == 0)
    }

    @Test func staleAfterTheThresholdWithNoReport() {
        let v = vehicle(life: "ONLINE")
        #expect(!QuickFilter.stale.matches(v, thresholds: thresholds, now: t0.adding(seconds: 2_699)))
        #expect(QuickFilter.stale.matches(v, thresholds: thresholds, now: t0.adding(seconds: 2_700)))
        // A vehicle that never reported is not stale: nothing about it was ever current.
        #expect(Vehicle(id: "X").silentFor(now: t0) == nil)
    }

    @Test func lowChargeIsBelowThePercentage() {
        #expect(QuickFilter.lowCharge.matches(vehicle(charge: 19.9), thresholds: thresholds, now: t0))
        #expect(!QuickFilter.lowCharge.matches(vehicle(charge: 20), thresholds: thresholds, now: t0))
        #expect(!QuickFilter.lowCharge.matches(vehicle(), thresholds: thresholds, now: t0))
    }

    @Test func theCountsFollowTheClock() {
        let fleet = [vehicle(life: "OFFLINE"), vehicle(life: "ONLINE", charge: 5), vehicle(life: "ONLINE")]
        #expect(AlertCounts(fleet, thresholds: thresholds, now: t0) == AlertCounts(offline: 0, lowCharge: 1, stale: 0))
        #expect(AlertCounts(fleet, thresholds: thresholds, now: t0.adding(seconds: 3_600))
                == AlertCounts(offline: 1, lowCharge: 1, stale: 3))
        // The store's vehicles are counted in place; a sequence with no contiguous storage one by one, alike.
        var store = OrderedDictionary<String, Vehicle>()
        for (i, v) in fleet.enumerated() { store["V\(i)"] = v }
        let later = t0.adding(seconds: 3_600)
        let expected = AlertCounts(offline: 1, lowCharge: 1, stale: 3)
        #expect(AlertCounts(store.values, thresholds: thresholds, now: later) == expected)
        #expect(AlertCounts(fleet.lazy.map { $0 }, thresholds: thresholds, now: later) == expected)
    }

    /// Saturated times (from the network's extremes) give no age rather than a trap.
    @Test func extremeTimesDoNotTrap() {
        let v = vehicle(life: "OFFLINE")
        #expect(v.offlineFor(now: Timestamp(microseconds: .min)) == nil)
        #expect(v.silentFor(now: Timestamp(microseconds: .min)) == nil)
        #expect(QuickFilter.stale.matches(v, thresholds: thresholds, now: Timestamp(microseconds: .max)))
    }

    @Test func fCyclesThroughEveryFilterAndBack() {
        var filter = QuickFilter.all
        var seen: [QuickFilter] = []
        for _ in 0..<QuickFilter.allCases.count {
            filter = filter.next
            seen.append(filter)
        }
        #expect(seen == [.offline, .lowCharge, .stale, .inRental, .smoke, .all])
    }
}
