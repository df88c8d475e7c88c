import AnToanCore
import Foundation
import Vapor

/// The guard's side of a patrol (PAT-2, PAT-3): the page a checkpoint's label or tag opens, which records the
/// scan; the offline pieces (the service worker, the page it shows for a scan kept offline, the sync of kept
/// scans).
struct PatrolScanController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.route(.scan(token: "")), use: scan)
        routes.get(SiteURL.route(.serviceWorker), use: serviceWorker)
        routes.get(SiteURL.route(.patrols(.offline)), use: offline)
        routes.get(SiteURL.route(.patrols(.sync)), use: syncToken)
        routes.post(SiteURL.route(.patrols(.sync)), use: sync)
        routes.post(SiteURL.route(.patrols(.scanPosition(.placeholder))), use: position)
    }

    /// The phone's position, sent by the scan page's script once the scan is recorded (a page without script, or a
    /// phone that refuses, gives none: the scan counts all the same).
    @Sendable func position(req: Request) async throws -> Response {
        let principal = try req.principal(allowedTo: .walkPatrols)
        let values = (try? req.content.decode([String: String].self)) ?? [:]
        var checker = FieldChecker()
        let scan = try await PatrolScanService.locate(
            try req.idParameter(),
            latitude: PatrolForms.double("latitude", values, &checker),
            longitude: PatrolForms.double("longitude", values, &checker),
            by: principal,
            on: req.application
        )
        let response = Response(status: .ok)
        try response.content.encode(
            [
                "distance": scan.distance.map {
                    req.pageLanguage("Cách điểm \(Int($0.rounded())) m", "\(Int($0.rounded())) m from the checkpoint")
                } ?? "",
                "flags": PatrolWords.flags(scan, req.pageLanguage),
            ],
            as: .json
        )
        return response
    }

    /// Opening a checkpoint's link records a scan for the signed-in guard (signed out: the sign-in page, then
    /// back here). The page says at once whether it counted and what is left of the round.
    @Sendable func scan(req: Request) async throws -> Response {
        let principal = try req.principal()
        let token = req.parameters.get("token") ?? ""
        let attempt = PatrolScanAttempt(
            token: token,
            piccData: req.query[String.self, at: "picc_data"],
            cmac: req.query[String.self, at: "cmac"]
        )
        let result = try await PatrolScanService.scan(attempt, by: principal, on: req.application)
        let model = PatrolScanPage.Model(
            result: result,
            rows: result.round.map {
                PatrolRoundDetail.rows($0, scans: result.scans, names: result.names, now: req.application.clock.now())
            } ?? [],
            order: result.route?.order ?? .fixed
        )
        let lang = req.pageLanguage
        let title =
            result.refusal == nil
            ? lang("Đã ghi nhận: \(result.checkpoint?.name ?? "")", "Recorded: \(result.checkpoint?.name ?? "")")
            : lang("Không ghi nhận lượt quét", "Scan not recorded")
        return req.page(title, status: result.refusal?.status ?? .ok) { PatrolScanPage.view(model, $0) }
    }

    @Sendable func serviceWorker(req: Request) async throws -> Response {
        Response(
            status: .ok,
            headers: [
                "Content-Type": "text/javascript; charset=utf-8", "Cache-Control": "no-cache",
                "Service-Worker-Allowed": "/",
            ],
            body: .init(string: PatrolServiceWorker.js)
        )
    }

    /// What the service worker shows for a scan it kept offline (it keeps a copy from when it was installed).
    @Sendable func offline(req: Request) async throws -> Response {
        let response = req.page(req.pageLanguage("Đã lưu lượt quét", "Scan kept")) { PatrolScanPage.offline($0) }
        response.headers.replaceOrAdd(name: .cacheControl, value: "no-cache")
        return response
    }

    /// The form token the page's script needs to send kept scans (the cached offline page has none of its own).
    @Sendable func syncToken(req: Request) async throws -> Response {
        _ = try req.principal(allowedTo: .walkPatrols)
        let response = Response(status: .ok)
        try response.content.encode(["csrf": req.csrfToken], as: .json)
        response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return response
    }

    /// Scans kept offline, sent by the page's script when the network is back.
    @Sendable func sync(req: Request) async throws -> PatrolBatchDTO {
        let principal = try req.principal(allowedTo: .walkPatrols)
        let input = try req.decodeJSON(PatrolScanSyncInput.self).batch
        let results = try await PatrolScanService.batch(
            input,
            by: principal,
            lang: req.pageLanguage,
            on: req.application
        )
        return PatrolBatchDTO(results: results)
    }
}
