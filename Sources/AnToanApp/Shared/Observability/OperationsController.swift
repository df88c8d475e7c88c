import Fluent
import Foundation
import Metrics
import Vapor

/// Liveness, readiness, metrics, the stylesheets and the script, and the OpenAPI document.
struct OperationsController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("healthz") { _ in "ok" }
        routes.get("readyz", use: ready)
        routes.get("metrics", use: metrics)
        routes.get(SiteURL.route(.stylesheet)) { _ in Self.asset(Stylesheet.css, type: "text/css") }
        routes.get(SiteURL.route(.printStylesheet)) { _ in Self.asset(Stylesheet.print, type: "text/css") }
        routes.get(SiteURL.route(.script)) { _ in Self.asset(Script.js, type: "text/javascript") }
        routes.get("api", "openapi.json") { req in
            let app = req.application
            let data = try APIDocument.json(app.apiOperations, importKinds: app.importKinds.ids)
            return Response(status: .ok, headers: ["Content-Type": "application/json"], body: .init(data: data))
        }
    }

    /// A file of the site (styles, script): pages may load nothing inline, so these are served like any file.
    private static func asset(_ text: String, type: String) -> Response {
        Response(
            status: .ok,
            headers: ["Content-Type": "\(type); charset=utf-8", "Cache-Control": "public, max-age=3600"],
            body: .init(string: text)
        )
    }

    /// 200 when the database answers, 503 otherwise; the ping time is kept as a gauge.
    @Sendable func ready(req: Request) async throws -> Response {
        let start = ContinuousClock.now
        do {
            try await req.db.sql.raw("SELECT 1").run()
        } catch {
            Gauge(label: "antoan_db_up").record(0)
            return Response(status: .serviceUnavailable, body: .init(string: "database unavailable"))
        }
        let elapsed = ContinuousClock.now - start
        Gauge(label: "antoan_db_up").record(1)
        Gauge(label: "antoan_db_ping_seconds").record(
            Double(elapsed.components.attoseconds) / 1e18 + Double(elapsed.components.seconds)
        )
        return Response(status: .ok, body: .init(string: "ready"))
    }

    @Sendable func metrics(req: Request) async throws -> Response {
        _ = try? await ready(req: req)
        return Response(
            status: .ok,
            headers: ["Content-Type": "text/plain; version=0.0.4"],
            body: .init(string: AppMetrics.text())
        )
    }
}
