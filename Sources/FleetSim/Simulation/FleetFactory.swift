import FleetCore

/// Makes the fleet a simulation starts with: ids like `JQ7RP`, plates like `B-FW 832`, names like `Golf 7`.
enum FleetFactory {
    /// Letters and digits that cannot be confused with each other (no 0/O, 1/I).
    static let idAlphabet = Array("ABCDEFGHJKLMNPQRSTUVWXYZ23456789")
    static let plateLetters = Array("ABCDEFGHJKLMNPRSTUVWXYZ")
    static let vinAlphabet = Array("ABCDEFGHJKLMNPRSTUVWXYZ0123456789")

    static func makeFleet(configuration: SimulationConfiguration, using random: inout SimRandom) -> [SimVehicle] {
        let cities = configuration.cities.isEmpty ? [City.berlin] : configuration.cities
        let totalWeight = VehicleModel.catalogue.reduce(0) { $0 + $1.weight }
        var takenIDs = Set<String>()
        var takenPlates = Set<String>()
        var modelCounts: [String: Int] = [:]
        var fleet: [SimVehicle] = []
        fleet.reserveCapacity(configuration.vehicles)
        for _ in 0..<max(0, configuration.vehicles) {
            var roll = random.int(0...(totalWeight - 1))
            var model = VehicleModel.catalogue[0]
            for candidate in VehicleModel.catalogue {
                if roll < candidate.weight { model = candidate; break }
                roll -= candidate.weight
            }
            let city = random.pick(cities)
            var id: String
            repeat {
                id = String((0..<5).map { _ in random.pick(idAlphabet) })
            } while !takenIDs.insert(id).inserted
            let number = (modelCounts[model.shortName] ?? 0) + 1
            modelCounts[model.shortName] = number
            let vin = model.wmi + "ZZZ" + String((0..<11).map { _ in random.pick(vinAlphabet) })
            let masterData = MasterData(
                licensePlate: plate(in: city, taken: &takenPlates, using: &random),
                customName: "\(model.shortName) \(number)", vin: vin, brand: model.brand, model: model.model,
                fuelType: model.fuelType, vehicleType: model.vehicleType)
            let since = configuration.start.adding(seconds: -random.uniform(3600...86_400)).truncatedToSeconds
            fleet.append(SimVehicle(
                id: id, model: model, city: city, masterData: masterData,
                tags: [city.tag] + (model.hasSmokeSensor ? ["smoke-sensor"] : []),
                online: true, onlineModifiedAt: since, inRental: false, rentalModifiedAt: since,
                locked: true, drivingEnabled: true, ignitionOn: false,
                position: city.randomPosition(using: &random),
                chargePercent: random.uniform(35...100).rounded(),
                mileageKilometers: random.uniform(2000...90_000).rounded()))
        }
        return fleet
    }

    /// A German-style plate not yet in `taken`: district, one or two letters, one to four digits (`B-FW 832`).
    static func plate(in city: City, taken: inout Set<String>, using random: inout SimRandom) -> String {
        while true {
            let letters = String((0..<random.int(1...2)).map { _ in random.pick(plateLetters) })
            let plate = "\(city.platePrefix)-\(letters) \(random.int(1...9999))"
            if taken.insert(plate).inserted { return plate }
        }
    }
}
