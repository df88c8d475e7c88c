import Fluent
import Foundation
import Vapor

/// What start-up does before the command runs; the entry point picks it from the command.
public struct StartupTasks: Sendable {
    public var migrate: Bool
    public var loadSecret: Bool
    public var printSetupLink: Bool
    /// `serve --demo`: load the demo province first when the database is empty.
    public var loadDemo: Bool
    /// `serve` signs audit checkpoints on a schedule (when a signing key is configured).
    public var scheduleCheckpoints: Bool
    /// `serve` runs the background jobs (`JobRunnerLoop`); tests call `JobRunner.runDue` with their own clock.
    public var runJobs: Bool

    public init(
        migrate: Bool,
        loadSecret: Bool,
        printSetupLink: Bool,
        loadDemo: Bool = false,
        scheduleCheckpoints: Bool = false,
        runJobs: Bool = false
    ) {
        self.migrate = migrate
        self.loadSecret = loadSecret
        self.printSetupLink = printSetupLink
        self.loadDemo = loadDemo
        self.scheduleCheckpoints = scheduleCheckpoints
        self.runJobs = runJobs
    }

    /// `serve` (the default command) migrates, loads the secret and prints the first-run link; the data
    /// commands migrate; `migrate`, `backup`, `restore` and `calendar` leave the database as it is.
    public static func forCommand(_ name: String?) -> StartupTasks {
        switch name {
        case nil, "serve":
            StartupTasks(
                migrate: true,
                loadSecret: true,
                printSetupLink: true,
                scheduleCheckpoints: true,
                runJobs: true
            )
        case "user", "token", "demo", "import": StartupTasks(migrate: true, loadSecret: false, printSetupLink: false)
        default: StartupTasks(migrate: false, loadSecret: false, printSetupLink: false)
        }
    }
}

/// config → database → middleware → migrations → start-up tasks → commands → routes. Tests call it too.
public func configure(
    _ app: Application,
    config: AppConfig,
    startup: StartupTasks,
    now: (@Sendable () -> Date)? = nil
) async throws {
    app.appConfig = config
    app.logger.logLevel = config.logLevel
    if let now { app.clock = AppClock(now: now) }
    app.http.server.configuration.hostname = config.listenHost
    app.http.server.configuration.port = config.port
    app.routes.defaultMaxBodySize = "1mb"
    app.passwords.use(.bcrypt(cost: 12))
    // SQLite calls and bcrypt both block a thread of this pool; with only one thread per core, a writer
    // waiting for SQLite's lock and two sign-ins would stall every other query.
    app.threadPool = NIOThreadPool(numberOfThreads: 8)

    try app.useDatabase(config.database, logLevel: config.logLevel, wait: config.databaseWait)
    app.migrations.add(MigrationRegistry.all)

    ContentConfiguration.global.use(encoder: APIJSONEncoder(), for: .json)
    let decoder = JSONDecoder()
    decoder.keyDecodingStrategy = .convertFromSnakeCase
    decoder.dateDecodingStrategy = .iso8601
    ContentConfiguration.global.use(decoder: decoder, for: .json)

    // Made before the first request, so that Vapor's request metrics land in the registry.
    _ = AppMetrics.registry
    app.middleware = Middlewares()
    app.middleware.use(RouteLoggingMiddleware(logLevel: .info))
    app.middleware.use(RequestIDMiddleware())
    app.middleware.use(SecurityHeadersMiddleware(https: config.baseURL.hasPrefix("https://")))
    app.middleware.use(CSRFCookieMiddleware())
    app.middleware.use(AppErrorMiddleware())
    app.middleware.use(AuthMiddleware())
    app.middleware.use(CSRFCheckMiddleware())

    app.lifecycle.use(Startup(tasks: startup))
    if startup.scheduleCheckpoints { app.lifecycle.use(AuditCheckpointSchedule()) }
    if startup.runJobs { app.lifecycle.use(JobRunnerLoop()) }
    app.asyncCommands.use(UserCommand(), as: "user")
    app.asyncCommands.use(TokenCommand(), as: "token")
    app.asyncCommands.use(AuditCommand(), as: "audit")
    app.asyncCommands.use(BackupCommand(), as: "backup")
    app.asyncCommands.use(RestoreCommand(), as: "restore")
    app.asyncCommands.use(ImportCommand(), as: "import")
    app.asyncCommands.use(DemoCommand(), as: "demo")
    app.asyncCommands.use(CalendarCommand(), as: "calendar")
    app.asyncCommands.use(RosterCommand(), as: "roster")
    app.asyncCommands.use(JSONBenchCommand(), as: "bench-json")
    app.asyncCommands.use(QRBenchCommand(), as: "bench-qr")
    app.asyncCommands.use(EquipmentCommand(), as: "equipment")

    try routes(app)
}

/// Runs the start-up tasks once the app has booted, before the server listens.
struct Startup: LifecycleHandler {
    var tasks: StartupTasks

    func didBootAsync(_ app: Application) async throws {
        if tasks.migrate {
            try await app.prepareDatabase()
            try await app.autoMigrate()
        }
        if tasks.loadSecret { try await FirstRun.loadSecret(app: app) }
        if tasks.loadDemo, try await Area.query(on: app.db).count() == 0 {
            let result = try await DemoCommand.load(app: app)
            FileHandle.standardOutput.write(Data((DemoCommand.describe(result) + "\n").utf8))
        }
        if tasks.printSetupLink, let link = try await FirstRun.setupLink(app: app) {
            let message = """
                No administrator yet. Open this one-time link to set the first password (valid 24 h):
                Chưa có quản trị viên. Mở liên kết dùng một lần này để đặt mật khẩu đầu tiên (hiệu lực 24 giờ):
                \(link)

                """
            FileHandle.standardOutput.write(Data(message.utf8))
        }
    }
}
