import AnToanCore
import Fluent
import Foundation
import NIOCore
import Testing
import Vapor

@testable import AnToanApp

/// A browser at a given network address (the in-memory tester has none), with a CSRF cookie of its own.
struct Visitor {
    let app: Application
    var peer: String
    var forwardedFor: String?
    var cookies: [String: String] = [CSRFCookieMiddleware.cookie: String(repeating: "n", count: 43)]

    init(_ app: Application, peer: String, forwardedFor: String? = nil) {
        self.app = app
        self.peer = peer
        self.forwardedFor = forwardedFor
    }

    mutating func post(_ path: String, form: [String: String]) async throws -> Response {
        var fields = form
        fields["_csrf"] = SecretToken.hmac(cookies[CSRFCookieMiddleware.cookie] ?? "", secret: Lane.testSecret)
        let body = fields.map { "\($0.key)=\($0.value.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)" }
            .joined(separator: "&")
        var headers: HTTPHeaders = ["Content-Type": "application/x-www-form-urlencoded"]
        headers.add(name: .cookie, value: cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; "))
        if let forwardedFor { headers.add(name: .xForwardedFor, value: forwardedFor) }
        let request = Request(
            application: app,
            method: .POST,
            url: URI(string: path),
            headers: headers,
            collectedBody: ByteBuffer(string: body),
            remoteAddress: try SocketAddress(ipAddress: peer, port: 40_000),
            logger: app.logger,
            on: app.eventLoopGroup.next()
        )
        let response = try await app.responder.respond(to: request).get()
        for (name, value) in response.headers.setCookie?.all ?? [:] { cookies[name] = value.string }
        return response
    }

    mutating func signIn(_ username: String, password: String = Fixtures.password) async throws -> HTTPStatus {
        try await post(SiteURL.login.path, form: ["username": username, "password": password]).status
    }
}

@Suite("Client address and sign-in throttling")
struct ClientAddressTests {
    @Test("X-Forwarded-For names the client only when the peer is a trusted proxy; the right-most untrusted hop wins")
    func forwardedFor() {
        let trusted = TrustedProxies.parse("10.0.0.0/8, 192.168.1.5, fd00::/8").proxies
        // a trusted proxy: the hop it saw, not what the client wrote to its left
        #expect(trusted.clientAddress(peer: "10.1.2.3", forwardedFor: ["6.6.6.6, 203.0.113.9"]) == "203.0.113.9")
        // two trusted proxies in a row, IPv6 and IPv4-mapped addresses, ports and repeated headers
        #expect(
            trusted.clientAddress(peer: "fd00::1", forwardedFor: ["6.6.6.6", "203.0.113.9:5555, 192.168.1.5"])
                == "203.0.113.9"
        )
        #expect(trusted.clientAddress(peer: "::ffff:10.0.0.7", forwardedFor: ["[2001:db8::9]:443"]) == "2001:db8::9")
        // an untrusted peer: its header is ignored
        #expect(trusted.clientAddress(peer: "198.51.100.7", forwardedFor: ["203.0.113.9"]) == "198.51.100.7")
        #expect(TrustedProxies.none.clientAddress(peer: "10.1.2.3", forwardedFor: ["203.0.113.9"]) == "10.1.2.3")
        // a trusted proxy with no header, or a hop that is not an address: the last trusted hop
        #expect(trusted.clientAddress(peer: "10.1.2.3", forwardedFor: []) == "10.1.2.3")
        #expect(trusted.clientAddress(peer: "10.1.2.3", forwardedFor: ["unknown"]) == "10.1.2.3")
        #expect(!trusted.trusts(IPAddress.bytes("192.168.1.6")!))
        #expect(!trusted.trusts(IPAddress.bytes("11.0.0.1")!))
    }

    @Test("TRUSTED_PROXIES is read from the environment; a bad entry stops start-up naming it")
    func configuration() throws {
        let config = try AppConfig.parse(["TRUSTED_PROXIES": "10.0.0.0/8, 2001:db8::/32"])
        #expect(config.trustedProxies.trusts(IPAddress.bytes("10.9.9.9")!))
        #expect(config.trustedProxies.trusts(IPAddress.bytes("2001:db8::1")!))
        #expect(try AppConfig.parse([:]).trustedProxies == .none)
        #expect(throws: ConfigError.self) { try AppConfig.parse(["TRUSTED_PROXIES": "10.0.0.0/33, proxy.local"]) }
        do {
            _ = try AppConfig.parse(["TRUSTED_PROXIES": "10.0.0.0/33, proxy.local"])
        } catch let error as ConfigError {
            #expect(error.description.contains("TRUSTED_PROXIES"))
            #expect(error.description.contains("\"10.0.0.0/33\""))
            #expect(error.description.contains("\"proxy.local\""))
        }
    }

    @Test(
        "behind a trusted proxy the session and the audit trail hold the client's address; others' header is not believed",
        arguments: Lane.all
    )
    func addressBehindProxy(lane: Lane) async throws {
        try await withApp(lane) { app in
            app.appConfig.trustedProxies = TrustedProxies.parse("10.0.0.1").proxies
            try await Fixtures.user(
                "bao_ve",
                role: .dutyOfficer,
                scope: .unit(UUID(), in: Fixtures.communeA),
                on: app.db
            )
            // when: through the proxy
            var viaProxy = Visitor(app, peer: "10.0.0.1", forwardedFor: "6.6.6.6, 203.0.113.9")
            #expect(try await viaProxy.signIn("bao_ve") == .seeOther)
            #expect(try await viaProxy.signIn("bao_ve", password: "sai-mat-khau-roi") == .unauthorized)
            // and straight from an untrusted peer that claims another address
            var direct = Visitor(app, peer: "198.51.100.7", forwardedFor: "203.0.113.9")
            #expect(try await direct.signIn("bao_ve", password: "sai-mat-khau-roi") == .unauthorized)
            // then
            let session = try #require(try await UserSession.query(on: app.db).first())
            #expect(session.address == "203.0.113.9")
            let failures = try await AuditEntry.query(on: app.db).filter(\.$action == "sign_in_failed")
                .sort(\.$seq).all()
            #expect(failures.count == 2)
            #expect(failures.map(\.entityID) == ["bao_ve", "bao_ve"])
            #expect(failures[0].changes.contains("203.0.113.9"))
            #expect(failures[1].changes.contains("198.51.100.7"))
            #expect(!failures[1].changes.contains("203.0.113.9"))
        }
    }

    @Test(
        "an attacker failing 20 times behind an office NAT locks the address and the attacked account, not a colleague who signed in there before",
        arguments: Lane.all
    )
    func sharedAddress(lane: Lane) async throws {
        try await withApp(lane) { app in
            let scope = Scope.unit(UUID(), in: Fixtures.communeA)
            for name in ["dong_nghiep", "bi_tan_cong", "nguoi_moi"] {
                try await Fixtures.user(name, role: .dutyOfficer, scope: scope, on: app.db)
            }
            // given: a colleague signed in from the office before
            var colleague = Visitor(app, peer: "198.51.100.20")
            #expect(try await colleague.signIn("dong_nghiep") == .seeOther)
            // when: an attacker at the same address fails 5 times on one account and 15 times on others
            var attacker = Visitor(app, peer: "198.51.100.20")
            for _ in 1...5 {
                #expect(try await attacker.signIn("bi_tan_cong", password: "doan-mat-khau") == .unauthorized)
            }
            for index in 1...15 {
                #expect(try await attacker.signIn("ten_\(index)", password: "doan-mat-khau") == .unauthorized)
            }
            // then: the colleague still gets in from the office with the right password
            #expect(try await colleague.signIn("dong_nghiep") == .seeOther)
            // the attacker's address is locked for accounts never used there, even with the right password
            #expect(try await attacker.signIn("nguoi_moi") == .tooManyRequests)
            var elsewhere = Visitor(app, peer: "203.0.113.50")
            #expect(try await elsewhere.signIn("nguoi_moi") == .seeOther)
            // and the attacked account is locked everywhere
            #expect(try await elsewhere.signIn("bi_tan_cong") == .tooManyRequests)
            // every failure and both locks are in the audit trail, with the name and address, not the password
            let entries = try await AuditEntry.query(on: app.db).all()
            let failed = entries.filter { $0.action == "sign_in_failed" }
            let locks = entries.filter { $0.action == "sign_in_locked" }
            #expect(failed.count == 20)
            #expect(Set(locks.map(\.entityID)) == ["bi_tan_cong", "ten_15"])
            #expect(locks.contains { $0.changes.contains(#""locked":[null,"account"]"#) })
            #expect(locks.contains { $0.changes.contains(#""locked":[null,"address"]"#) })
            #expect(failed.allSatisfy { $0.changes.contains("198.51.100.20") })
            #expect(
                !entries.contains { $0.changes.contains("doan-mat-khau") || $0.changes.contains(Fixtures.password) }
            )
        }
    }
}
