import Foundation
import Vapor

/// `GET /events`: the live stream of what the signed-in account may see (session cookie or API token).
struct EventsController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.route(.events), use: events)
    }

    /// Streams events as Server-Sent Events, from `Last-Event-ID` (or `?after=`) when the client gives one.
    func events(req: Request) async throws -> Response {
        guard let principal = req.auth.get(Principal.self) else { throw Abort(.unauthorized) }
        let resumeAfter = try Self.resumePoint(req)
        guard let hub = req.application.eventHub else { throw Abort(.serviceUnavailable) }
        let subscription = try await hub.subscribe(
            account: principal.id,
            scope: principal.scope,
            app: req.application
        )
        let app = req.application
        let body = Response.Body(
            managedAsyncStream: { writer in
                try await EventStream.run(
                    subscription,
                    resumeAfter: resumeAfter,
                    account: principal.id,
                    scope: principal.scope,
                    app: app,
                    writer: writer
                )
            },
            count: -1
        )
        var headers = HTTPHeaders()
        headers.contentType = HTTPMediaType(type: "text", subType: "event-stream", parameters: ["charset": "utf-8"])
        headers.cacheControl = HTTPHeaders.CacheControl(noCache: true, noStore: true)
        // Proxies that buffer responses (nginx) pass this one through as it comes.
        headers.replaceOrAdd(name: "X-Accel-Buffering", value: "no")
        return Response(status: .ok, headers: headers, body: body)
    }

    /// The last event the client saw: the `Last-Event-ID` header a reconnecting EventSource sends, or `?after=`.
    static func resumePoint(_ req: Request) throws -> Int64? {
        if let header = req.headers.first(name: "Last-Event-ID") {
            guard let seq = Int64(header.trimmingCharacters(in: .whitespaces)), seq >= 0 else {
                throw AppError.invalidFields([
                    FieldError(
                        field: "Last-Event-ID",
                        reason: .invalid(vi: "phải là số của một sự kiện", en: "must be the number of an event")
                    )
                ])
            }
            return seq
        }
        guard let after = req.query[String.self, at: "after"] else { return nil }
        guard let seq = Int64(after), seq >= 0 else {
            throw AppError.invalidFields([
                FieldError(
                    field: "after",
                    reason: .invalid(vi: "phải là số của một sự kiện", en: "must be the number of an event")
                )
            ])
        }
        return seq
    }
}
