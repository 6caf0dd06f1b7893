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
        guard let page = json, let items = page["items"]?.elements else {
            throw badResponse("The vehicle list is not {\"items\": […]}")
        }
        var result = VehiclePage(vehicles: [], skipped: [], nextCursor: nil)
        result.vehicles.reserveCapacity(items.count)
        for (i, item) in items.enumerated() {
            do {
                result.vehicles.append(try VehicleResource(json: item))
            } catch {
                result.skipped.append(SafeText.sanitize("vehicle \(i) of the page: \(error.description)"))
            }
        }
        result.nextCursor = page["next_cursor"]?.string.flatMap { $0.isEmpty ? nil : $0 }
        return result
    }
}
