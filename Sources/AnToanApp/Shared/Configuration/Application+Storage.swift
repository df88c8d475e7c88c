import Foundation
import Vapor

/// The clock the app reads; tests pass a fixed one.
struct AppClock: Sendable {
    var now: @Sendable () -> Date

    static let live = AppClock { Date() }
}

extension Application {
    private struct ConfigKey: StorageKey { typealias Value = AppConfig }
    private struct ClockKey: StorageKey { typealias Value = AppClock }
    private struct SecretKey: StorageKey { typealias Value = String }

    var appConfig: AppConfig {
        get {
            guard let config = storage[ConfigKey.self] else { fatalError("configure(_:config:) has not run") }
            return config
        }
        set { storage[ConfigKey.self] = newValue }
    }

    var clock: AppClock {
        get { storage[ClockKey.self] ?? .live }
        set { storage[ClockKey.self] = newValue }
    }

    /// The configured secret, or the one generated and kept in the database at boot.
    var secret: String {
        get { storage[SecretKey.self] ?? appConfig.secret ?? "" }
        set { storage[SecretKey.self] = newValue }
    }
}
