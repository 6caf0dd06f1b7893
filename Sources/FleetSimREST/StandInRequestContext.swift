import FleetSim
import Foundation
import Hummingbird

/// The request context of the stand-in: Hummingbird's core storage plus the request's INVERS flow id, made once
/// so that the header, a problem's `flow_id` and the backend's event all quote the same id.
struct StandInRequestContext: RequestContext {
    var coreContext: CoreRequestContextStorage
    let flowID: String

    init(source: ApplicationRequestContextSource) {
        coreContext = CoreRequestContextStorage(source: source)
        flowID = UUID().uuidString.lowercased()
    }
}

extension HTTPFields {
    /// `X-INVERS-Flow-ID`: on every response of the INVERS API.
    var inversFlowID: String? {
        get { self[.init("X-INVERS-Flow-ID")!] }
        set { self[.init("X-INVERS-Flow-ID")!] = newValue }
    }
}

/// Counts every request by route, answers errors as problems, and puts the flow id on every response.
struct FlowIDMiddleware: RouterMiddleware {
    typealias Context = StandInRequestContext
    let ledger: StandInLedger

    func handle(_ request: Request, context: Context,
                next: (Request, Context) async throws -> Response) async throws -> Response {
        ledger.count(request: StandInRoute(method: request.method, path: request.uri.path))
        var response: Response
        do {
            response = try await next(request, context)
        } catch let problem as Problem {
            response = problem.response(flowID: context.flowID)
        } catch let error as HTTPError {
            // The router's own answers: no route (404) or a wrong method (405).
            let problem = error.status == .notFound
                ? Problem.notFound("No route for \(request.method) \(request.uri.path).")
                : Problem(status: error.status, type: "/problems/bad-request", title: error.status.reasonPhrase,
                          detail: error.body)
            response = problem.response(flowID: context.flowID)
        } catch is CancellationError {
            throw CancellationError()
        } catch {
            response = Problem.internalServerError().response(flowID: context.flowID)
        }
        response.headers.inversFlowID = context.flowID
        ledger.count(status: response.status.code)
        return response
    }
}

extension StandInRoute {
    init(method: HTTPRequest.Method, path: String) {
        let parts = path.split(separator: "/", omittingEmptySubsequences: true)
        switch (method, parts.count) {
        case (.post, 3) where parts[0] == "auth" && parts[1] == "oauth" && parts[2] == "token": self = .token
        case (.get, 1) where parts[0] == "vehicles": self = .vehicleList
        case (.get, 2) where parts[0] == "vehicles": self = .vehicle
        case (.post, 4) where parts[0] == "vehicles" && parts[2] == "commands": self = .command
        default: self = .other
        }
    }
}
