import Testing

@testable import AnToanApp

@Suite("Configuration")
struct ConfigurationTests {
    @Test("defaults run SQLite from antoan.sqlite on 127.0.0.1:8080 in Vietnamese")
    func defaults() throws {
        let config = try AppConfig.parse([:])
        #expect(config.database == .sqliteFile(path: "antoan.sqlite"))
        #expect(config.port == 8080)
        #expect(config.baseURL == "http://127.0.0.1:8080")
        #expect(config.defaultLanguage == .vi)
        #expect(config.secret == nil)
        #expect(!config.usesSecureCookies)
    }

    @Test("DATABASE_URL switches to PostgreSQL and an https base URL makes cookies Secure")
    func postgresAndHTTPS() throws {
        let config = try AppConfig.parse([
            "DATABASE_URL": "postgres://u:p@db:5432/antoan", "BASE_URL": "https://antoan.example.vn/",
        ])
        #expect(config.database == .postgres(url: "postgres://u:p@db:5432/antoan"))
        #expect(config.baseURL == "https://antoan.example.vn")
        #expect(config.usesSecureCookies)
    }

    @Test("every bad variable is named in one error")
    func badValuesAllNamed() {
        // given
        let values = [
            "PORT": "80000", "DATABASE_URL": "mysql://x", "SECRET": "short", "LOG_LEVEL": "loud",
            "DEFAULT_LANGUAGE": "fr", "BASE_URL": "ftp://x",
        ]
        // when
        let error = #expect(throws: ConfigError.self) { try AppConfig.parse(values) }
        // then
        let text = error?.description ?? ""
        for name in ["PORT", "DATABASE_URL", "SECRET", "LOG_LEVEL", "DEFAULT_LANGUAGE", "BASE_URL"] {
            #expect(text.contains(name), "missing \(name) in: \(text)")
        }
        #expect(error?.problems.count == 6)
    }

    @Test(".env lines are read, quotes removed, comments skipped")
    func dotEnv() {
        let values = DotEnv.parse(
            """
            # comment
            PORT=9090
            BASE_URL="http://localhost:9090"
            SECRET = 'abc def'
            """
        )
        #expect(values == ["PORT": "9090", "BASE_URL": "http://localhost:9090", "SECRET": "abc def"])
    }
}
