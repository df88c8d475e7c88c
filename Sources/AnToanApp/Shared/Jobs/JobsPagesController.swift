import Vapor

/// The administrator's page of background jobs, and running a failed one again.
struct JobsPagesController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.route(.admin(.jobs)), use: index)
        routes.post(SiteURL.route(.admin(.jobRetry(.placeholder))), use: retry)
    }

    @Sendable func index(req: Request) async throws -> Response {
        _ = try req.principal(allowedTo: .manageJobs)
        let state = (try? req.query.get(String.self, at: "state")).flatMap(Job.State.init(rawValue:))
        let jobs = try await JobQueries.list(state: state, on: req.db)
        let rows = jobs.compactMap { job in
            job.id.map {
                JobsPage.Row(
                    id: $0,
                    kind: job.kind,
                    state: job.status,
                    runAt: job.runAt,
                    attempts: job.attempts,
                    maxAttempts: req.application.jobs.handler(job.kind)?.maxAttempts ?? job.maxAttempts,
                    error: job.lastError,
                    finishedAt: job.finishedAt,
                    recurring: job.schedule != nil
                )
            }
        }
        let model = JobsPage.Model(state: state, counts: try await JobQueries.counts(on: req.db), rows: rows)
        return req.page(req.pageLanguage("Công việc chạy nền", "Background jobs")) { JobsPage.view(model, $0) }
    }

    @Sendable func retry(req: Request) async throws -> Response {
        let principal = try req.principal(allowedTo: .manageJobs)
        try await JobsAdmin.retry(try req.idParameter(), by: principal, app: req.application)
        let lang = req.pageLanguage
        return req.redirect(
            to: .admin(.jobs),
            flash: Flash(
                kind: .success,
                message: lang("Đã đưa công việc vào hàng chờ chạy lại.", "The job is queued to run again.")
            )
        )
    }
}
