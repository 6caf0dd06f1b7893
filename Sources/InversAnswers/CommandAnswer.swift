import FleetCore

extension APIAnswer {
    /// The answer to a vehicle command: the vehicle's new state with the flow id, or the failure to report.
    /// A 2xx whose body is not a vehicle state is a `.badResponse` that says the command may have run.
    public func commandState() throws(CommandFailure) -> CommandResult {
        guard isSuccess else { throw failure() }
        do throws(EventDecodingError) {
            return CommandResult(state: try VehicleState(jsonBody: body), flowID: flowID.map(SafeText.sanitize),
                                 httpStatus: status)
        } catch {
            if case .invalidJSON = error {
                throw badResponse("The command's answer is not JSON (the command may have run)")
            }
            throw badResponse("The command's answer is not a vehicle state: \(error) (the command may have run)")
        }
    }

    /// The answer to `GET /vehicles/{id}`: the vehicle, or the failure to report.
    public func vehicleResource() throws(CommandFailure) -> VehicleResource {
        guard isSuccess else { throw failure() }
        do throws(EventDecodingError) {
            return try VehicleResource(jsonBody: body)
        } catch {
            if case .invalidJSON = error { throw badResponse("The vehicle is not JSON") }
            throw badResponse("The vehicle cannot be read: \(error)")
        }
    }
}
