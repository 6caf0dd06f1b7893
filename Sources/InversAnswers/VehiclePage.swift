import FleetCore

/// One page of `GET /vehicles`: the vehicles read from it, the entries skipped, and the cursor of the next page.
public struct VehiclePage: Sendable {
    public var vehicles: [VehicleResource]
    /// Why each unreadable entry was skipped (sanitised, for a log): one bad vehicle does not fail a snapshot.
    public var skipped: [String]
    /// The next page's cursor; nil on the last page (an empty `next_cursor` counts as none).
    public var nextCursor: String?
}

extension APIAnswer {
    /// The answer to `GET /vehicles`: `{"items": […], "next_cursor": "…"}`, or the failure to report.
    public func vehiclePage() throws(CommandFailure) -> VehiclePage {
        guard isSuccess else { throw failure() }
        var result = VehiclePage(vehicles: [], skipped: [], nextCursor: nil)
        var hasItems = false
        do {
            try BodyReader.members(in: body) { (r, key) throws(EventDecodingError) in
                switch key {
                case "items":
                    result.vehicles = []
                    result.skipped = []
                    hasItems = try r.readArray { (r) throws(EventDecodingError) in
                        let index = result.vehicles.count + result.skipped.count
                        // The item is checked whole first, so that a vehicle that cannot be read leaves its reader
                        // at the next one: one bad vehicle does not fail a snapshot.
                        var item = r.reader(at: try r.mark())
                        do throws(EventDecodingError) {
                            guard let vehicle = try VehicleResource.read(&item) else {
                                throw .wrongType(field: "", expected: "an object", found: "null")
                            }
                            result.vehicles.append(vehicle)
                        } catch {
                            let described = error.inField("items[\(index)]").description
                            result.skipped.append(SafeText.sanitize("vehicle \(index) of the page: \(described)"))
                        }
                    }
                case "next_cursor": result.nextCursor = try r.readStringIfString().flatMap { $0.isEmpty ? nil : $0 }
                default: break
                }
            }
        } catch {
            hasItems = false
        }
        guard hasItems else { throw badResponse("The vehicle list is not {\"items\": […]}") }
        return result
    }
}
