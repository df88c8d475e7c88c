import Vapor

/// A known API path asked with a method it does not serve answers 405 with `Allow`, not 404: the router only
/// says that nothing matched both, so this looks the path up among the routes with every other method.
struct MethodNotAllowedMiddleware: AsyncMiddleware {
    private let routes: [(method: HTTPMethod, path: [PathComponent])]

    /// The API routes registered so far; add this after them.
    init(routes: Routes) {
        self.routes = routes.all.filter { $0.path.first == "api" }.map { ($0.method, $0.path) }
    }

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        do {
            return try await next.respond(to: request)
        } catch let error as any AbortError where error.status == .notFound && request.route == nil {
            let segments = request.url.path.split(separator: "/").map(String.init)
            let allowed = Set(routes.filter { Self.matches($0.path, segments) }.map(\.method.rawValue)).sorted()
            guard !allowed.isEmpty else { throw error }
            let response = Failure(Abort(.methodNotAllowed)).jsonResponse(request.apiLanguage)
            response.headers.replaceOrAdd(name: .allow, value: allowed.joined(separator: ", "))
            return response
        }
    }

    private static func matches(_ pattern: [PathComponent], _ segments: [String]) -> Bool {
        guard pattern.count == segments.count else { return false }
        return zip(pattern, segments).allSatisfy { component, segment in
            switch component {
            case .constant(let value): value == segment
            case .parameter, .anything: true
            case .catchall: true
            }
        }
    }
}
