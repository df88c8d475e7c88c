import Foundation
import Logging
import NIOCore

/// Every setting the app reads from its environment, read once at start-up.
public struct AppConfig: Sendable {
    public enum DatabaseLocation: Sendable, Equatable {
        case sqliteFile(path: String)
        case sqliteMemory
        case postgres(url: String)
    }

    public var database: DatabaseLocation
    public var listenHost: String
    public var port: Int
    public var baseURL: String
    /// Nil means "keep a generated secret in the database", so that every node shares it.
    public var secret: String?
    public var logLevel: Logger.Level
    var defaultLanguage: Language
    /// Whose `X-Forwarded-For` names the client (see `TrustedProxies`); nobody's by default.
    var trustedProxies = TrustedProxies.none
    /// The raw 32-byte Ed25519 key that signs audit checkpoints; kept out of the database on purpose.
    var auditSigningKey: Data? = nil
    var auditCheckpointMinutes = 60
    /// Where the server appends its scheduled checkpoints, one JSON object per line.
    var auditCheckpointFile: String? = nil
    /// How long a query waits for a free connection of the pool before it fails. The test suite, hundreds of
    /// apps at once on two cores, gives it longer.
    var databaseWait: TimeAmount = .seconds(30)

    public var usesSecureCookies: Bool { baseURL.hasPrefix("https://") }

    /// One entry per variable, for the README table, `.env.example` and start-up errors alike.
    public static let variables: [(name: String, meaning: String)] = [
        ("DATABASE_URL", "postgres://user:password@host:5432/db — use PostgreSQL instead of SQLite"),
        ("SQLITE_PATH", "SQLite database file when DATABASE_URL is unset (default antoan.sqlite)"),
        ("LISTEN_HOST", "address to listen on (default 127.0.0.1)"),
        ("PORT", "port to listen on, 1–65535 (default 8080)"),
        ("BASE_URL", "public address used in links, http(s)://… (default http://LISTEN_HOST:PORT)"),
        ("SECRET", "at least 32 characters; when unset a secret is generated and kept in the database"),
        ("LOG_LEVEL", "trace, debug, info, notice, warning, error or critical (default info)"),
        ("DEFAULT_LANGUAGE", "vi or en (default vi)"),
        ("TRUSTED_PROXIES", "addresses or CIDRs of the proxies whose X-Forwarded-For is believed (default none)"),
        ("AUDIT_SIGNING_KEY_FILE", "file holding the audit checkpoint signing key (made by antoan audit keygen --out)"),
        ("AUDIT_SIGNING_KEY", "the same key in base64, instead of the file"),
        ("AUDIT_CHECKPOINT_MINUTES", "minutes between the server's signed checkpoints, 1–10080 (default 60)"),
        ("AUDIT_CHECKPOINT_FILE", "file the server appends its checkpoints to (keep it off the database host)"),
    ]
}

/// A start-up failure that names every bad variable at once.
public struct ConfigError: Error, CustomStringConvertible {
    public var problems: [String]
    public var description: String {
        "Invalid configuration:\n" + problems.map { "  - \($0)" }.joined(separator: "\n")
    }
}

extension AppConfig {
    /// Reads the process environment over a `.env` file (the environment wins).
    public static func load(
        environment: [String: String] = ProcessInfo.processInfo.environment,
        dotEnvPath: String = ".env"
    ) throws -> AppConfig {
        let fileValues = (try? String(contentsOfFile: dotEnvPath, encoding: .utf8)).map(DotEnv.parse) ?? [:]
        return try parse(fileValues.merging(environment) { _, fromEnvironment in fromEnvironment })
    }

    public static func parse(_ values: [String: String]) throws -> AppConfig {
        var problems: [String] = []
        func value(_ name: String) -> String? {
            guard let raw = values[name]?.trimmingCharacters(in: .whitespaces), !raw.isEmpty else { return nil }
            return raw
        }

        var database = DatabaseLocation.sqliteFile(path: value("SQLITE_PATH") ?? "antoan.sqlite")
        if let url = value("DATABASE_URL") {
            if url.hasPrefix("postgres://") || url.hasPrefix("postgresql://") {
                database = .postgres(url: url)
            } else {
                problems.append("DATABASE_URL must start with postgres:// or postgresql:// (got \"\(url)\")")
            }
        }
        let port = value("PORT").map { Int($0) } ?? 8080
        if port == nil || !(1...65_535).contains(port!) {
            problems.append("PORT must be a number from 1 to 65535 (got \"\(value("PORT") ?? "")\")")
        }
        let host = value("LISTEN_HOST") ?? "127.0.0.1"
        let baseURL = value("BASE_URL") ?? "http://\(host):\(port ?? 8080)"
        if !(baseURL.hasPrefix("http://") || baseURL.hasPrefix("https://")) || URL(string: baseURL)?.host == nil {
            problems.append("BASE_URL must be an http:// or https:// address (got \"\(baseURL)\")")
        }
        let secret = value("SECRET")
        if let secret, secret.count < 32 {
            problems.append("SECRET must be at least 32 characters (got \(secret.count))")
        }
        let logLevel = value("LOG_LEVEL").map { Logger.Level(rawValue: $0.lowercased()) } ?? .info
        if logLevel == nil {
            problems.append("LOG_LEVEL must be one of trace, debug, info, notice, warning, error, critical")
        }
        let language = value("DEFAULT_LANGUAGE").map { Language(rawValue: $0.lowercased()) } ?? .vi
        if language == nil {
            problems.append("DEFAULT_LANGUAGE must be vi or en (got \"\(value("DEFAULT_LANGUAGE") ?? "")\")")
        }
        let signingKey = auditSigningKey(
            inline: value("AUDIT_SIGNING_KEY"),
            file: value("AUDIT_SIGNING_KEY_FILE"),
            problems: &problems
        )
        let checkpointMinutes = value("AUDIT_CHECKPOINT_MINUTES").map { Int($0) } ?? 60
        if checkpointMinutes == nil || !(1...10_080).contains(checkpointMinutes!) {
            problems.append(
                "AUDIT_CHECKPOINT_MINUTES must be a number from 1 to 10080 (got \"\(value("AUDIT_CHECKPOINT_MINUTES") ?? "")\")"
            )
        }
        let (proxies, badProxies) = TrustedProxies.parse(value("TRUSTED_PROXIES") ?? "")
        if !badProxies.isEmpty {
            problems.append(
                "TRUSTED_PROXIES must list IP addresses or CIDR ranges such as 10.0.0.0/8 (not: "
                    + badProxies.map { "\"\($0)\"" }.joined(separator: ", ") + ")"
            )
        }
        guard problems.isEmpty, let port, let logLevel, let language, let checkpointMinutes else {
            throw ConfigError(problems: problems)
        }
        return AppConfig(
            database: database,
            listenHost: host,
            port: port,
            baseURL: baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL,
            secret: secret,
            logLevel: logLevel,
            defaultLanguage: language,
            trustedProxies: proxies,
            auditSigningKey: signingKey,
            auditCheckpointMinutes: checkpointMinutes,
            auditCheckpointFile: value("AUDIT_CHECKPOINT_FILE")
        )
    }

    /// The signing key from the environment or from its file: base64 of the raw 32-byte Ed25519 private key.
    private static func auditSigningKey(inline: String?, file: String?, problems: inout [String]) -> Data? {
        let name = inline != nil ? "AUDIT_SIGNING_KEY" : "AUDIT_SIGNING_KEY_FILE"
        if inline != nil, file != nil {
            problems.append("AUDIT_SIGNING_KEY and AUDIT_SIGNING_KEY_FILE are both set: keep one")
            return nil
        }
        var text = inline
        if let file {
            guard let contents = try? String(contentsOfFile: file, encoding: .utf8) else {
                problems.append("AUDIT_SIGNING_KEY_FILE cannot be read (\(file))")
                return nil
            }
            text = contents.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        guard let text else { return nil }
        guard let key = Data(base64Encoded: text), key.count == 32 else {
            problems.append("\(name) must be the base64 of a 32-byte key, as antoan audit keygen prints it")
            return nil
        }
        return key
    }
}

/// The `.env` format: `NAME=value` lines, `#` comments, optional quotes.
enum DotEnv {
    static func parse(_ text: String) -> [String: String] {
        var values: [String: String] = [:]
        for line in text.split(whereSeparator: \.isNewline) {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            guard !trimmed.hasPrefix("#"), let equals = trimmed.firstIndex(of: "=") else { continue }
            let name = trimmed[..<equals].trimmingCharacters(in: .whitespaces)
            var value = trimmed[trimmed.index(after: equals)...].trimmingCharacters(in: .whitespaces)
            if value.count >= 2, let first = value.first, first == "\"" || first == "'", value.last == first {
                value = String(value.dropFirst().dropLast())
            }
            values[name] = value
        }
        return values
    }
}
