import Vapor

/// Notes, before the handler reads anything, the last event this node's hub has handed out. A page puts it on
/// `main` (`data-events-after`) and its live script resumes the stream after it: an event committed after the
/// page's data was read always reaches the page, at worst one more time than needed.
struct EventsPositionMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        if request.method == .GET, request.auth.has(Principal.self) {
            request.eventsPosition = request.application.eventHub?.position
        }
        return try await next.respond(to: request)
    }
}

extension Request {
    private struct EventsPositionKey: StorageKey { typealias Value = Int64 }

    /// Set by `EventsPositionMiddleware` for a signed-in GET.
    var eventsPosition: Int64? {
        get { storage[EventsPositionKey.self] }
        set { storage[EventsPositionKey.self] = newValue }
    }
}
