import Vapor

/// Webhooks (ACC-5) in the app: the pages, the API, the delivery job, and the dispatcher that runs on every pass
/// of the job runner.
enum Webhooks {
    static func register(_ app: Application) throws {
        try app.register(collection: WebhooksPagesController())
        try app.registerAPI(WebhooksAPIController())
        WebhookSender.register(app)
        app.jobs.onEveryPass { app, now in try await WebhookDispatcher.dispatch(app, now: now) }
        app.lifecycle.use(WebhookTransportShutdown())
    }
}
