import AnToanCore
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

@testable import AnToanApp

/// Webhooks (ACC-5) on both databases, with an injected clock and an in-memory receiver: the Standard Webhooks
/// signature, the URL rule, an authority's reach, retries with back-off and the attempts list.
@Suite("Webhooks")
struct WebhooksTests {
    static let start = Date(timeIntervalSince1970: 1_796_000_000)

    @Test("the signature is the Standard Webhooks example's, as the standardwebhooks package computes it")
    func signatureVector() {
        // The specification's example, checked once with `standardwebhooks` 1.3.0 (Webhook(secret).sign).
        let signature = WebhookSignature.sign(
            id: "msg_p5jXN8AQM9LWM0D4loKWxJek",
            timestamp: 1_614_265_330,
            body: #"{"test": 2432232314}"#,
            secret: "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"
        )
        #expect(signature == "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=")
        #expect(WebhookSignature.sign(id: "a", timestamp: 1, body: "{}", secret: "not-whsec") == nil)
        let secret = WebhookSignature.newSecret()
        #expect(secret.hasPrefix("whsec_") && Data(base64Encoded: String(secret.dropFirst(6)))?.count == 32)
    }

    @Test("a URL that is not http(s) is refused naming the field, and nothing is written", arguments: Lane.all)
    func urlRule(lane: Lane) async throws {
        try await withApp(lane) { app in
            // given
            let admin = try await Fixtures.user("quan_tri", role: .administrator, scope: .everything, on: app.db)
            let token = try await Fixtures.token(for: admin, app: app)
            // when
            var refused: [TestingHTTPResponse] = []
            for url in ["ftp://may-chu/nhan", "javascript:alert(1)", "https://", "/duong-dan"] {
                refused.append(try await api(app, .POST, "/api/v1/webhooks", token: token, json: body(url)))
            }
            let english = try await app.testing().sendRequest(
                .POST,
                "/api/v1/webhooks",
                headers: [
                    "Authorization": "Bearer \(token)", "Content-Type": "application/json", "Accept-Language": "en",
                ],
                body: ByteBuffer(string: body("ftp://x"))
            )
            let unknownType = try await api(
                app,
                .POST,
                "/api/v1/webhooks",
                token: token,
                json: #"{"url":"https://nhan.example","event_types":["khong.co"]}"#
            )
            // then
            for response in refused {
                #expect(response.status == .unprocessableEntity)
                #expect(response.body.string.contains("\"field\":\"url\""))
                #expect(response.body.string.contains("phải là địa chỉ http:// hoặc https:// đầy đủ"))
            }
            #expect(english.status == .unprocessableEntity)
            #expect(english.body.string.contains("must be a full http:// or https:// address"))
            #expect(unknownType.status == .unprocessableEntity && unknownType.body.string.contains("event_types"))
            #expect(try await WebhookSubscription.query(on: app.db).count() == 0)
        }
    }

    @Test(
        "an authority's subscription gets the events of its area only; an administrator's gets all",
        arguments: Lane.all
    )
    func authorityScope(lane: Lane) async throws {
        try await withApp(lane) { app in
            // given: a province authority's and an administrator's subscriptions, and a receiver that says 200
            let receiver = TestReceiver(answers: [])
            app.webhookTransport = receiver
            let admin = try await Fixtures.user("quan_tri", role: .administrator, scope: .everything, on: app.db)
            let leader = try await Fixtures.user(
                "ca_tinh",
                role: .authorityLeader,
                scope: .area(Fixtures.province),
                on: app.db
            )
            let adminToken = try await Fixtures.token(for: admin, app: app)
            let leaderToken = try await Fixtures.token(for: leader, app: app)
            let adminHook = try created(
                try await api(app, .POST, "/api/v1/webhooks", token: adminToken, json: body("https://tw.example/a"))
            )
            let leaderHook = try created(
                try await api(app, .POST, "/api/v1/webhooks", token: leaderToken, json: body("https://tinh.example/b"))
            )
            // when: an incident in a commune of the province, one in another province, and the runner passes
            try await publish(app, area: Fixtures.communeA, name: "trong tỉnh")
            try await publish(app, area: Fixtures.otherProvince, name: "tỉnh khác")
            try await JobRunner.runDue(app, now: Self.start)
            let leaderList = try await api(app, .GET, "/api/v1/webhooks", token: leaderToken)
            let foreign = try await api(
                app,
                .GET,
                "/api/v1/webhooks/\(adminHook.subscription.id)/deliveries",
                token: leaderToken
            )
            // then
            let sent = await receiver.requests
            #expect(sent.filter { $0.url == "https://tinh.example/b" }.map(\.name) == ["trong tỉnh"])
            #expect(
                sent.filter { $0.url == "https://tw.example/a" }.map(\.name).sorted() == ["trong tỉnh", "tỉnh khác"]
            )
            #expect(leaderHook.subscription.areaPath == "/79/" && adminHook.subscription.areaPath == nil)
            let listed = try JSONDecoder.api.decode(
                [WebhookSubscriptionDTO].self,
                from: Data(leaderList.body.readableBytesView)
            )
            #expect(listed.map(\.url) == ["https://tinh.example/b"])
            #expect(foreign.status == .notFound)
            #expect(!leaderList.body.string.contains("whsec_"))
        }
    }

    @Test("a delivery refused twice waits 30 s then 2 min, then succeeds; its attempts are listed", arguments: Lane.all)
    func retriesAndAttempts(lane: Lane) async throws {
        try await withApp(lane) { app in
            // given: a receiver that answers 500, 503, then 204
            let receiver = TestReceiver(answers: [500, 503])
            app.webhookTransport = receiver
            let admin = try await Fixtures.user("quan_tri", role: .administrator, scope: .everything, on: app.db)
            let token = try await Fixtures.token(for: admin, app: app)
            let hook = try created(
                try await api(app, .POST, "/api/v1/webhooks", token: token, json: body("https://n.example"))
            )
            try await publish(app, area: Fixtures.communeA, name: "cháy kho")
            // when: the runner at each moment
            let first = try await JobRunner.runDue(app, now: Self.start)
            let early = try await JobRunner.runDue(app, now: Self.start.addingTimeInterval(29))
            let second = try await JobRunner.runDue(app, now: Self.start.addingTimeInterval(30))
            let third = try await JobRunner.runDue(app, now: Self.start.addingTimeInterval(149))
            let fourth = try await JobRunner.runDue(app, now: Self.start.addingTimeInterval(150))
            let response = try await api(app, .GET, "/api/v1/webhooks/\(hook.subscription.id)/deliveries", token: token)
            // then: three POSTs with one webhook-id, each signed for its own timestamp
            #expect(first == 1 && early == 0 && second == 1 && third == 0 && fourth == 1)
            let sent = await receiver.requests
            #expect(sent.count == 3 && Set(sent.map(\.id)).count == 1)
            #expect(sent.map(\.timestamp) == [0, 30, 150].map { Int(Self.start.timeIntervalSince1970) + $0 })
            for request in sent {
                let expected = WebhookSignature.sign(
                    id: request.id,
                    timestamp: request.timestamp,
                    body: request.body,
                    secret: hook.secret
                )
                #expect(request.signature == expected)
            }
            let deliveries = try JSONDecoder.api.decode(
                [WebhookDeliveryDTO].self,
                from: Data(response.body.readableBytesView)
            )
            #expect(deliveries.count == 1 && deliveries.first?.state == "delivered")
            #expect(deliveries.first?.attempts.map(\.status) == [500, 503, 204])
            #expect(deliveries.first?.eventId.uuidString.lowercased() == sent.first?.id)
        }
    }

    @Test(
        "a receiver that never answers is tried for more than a day, then the delivery is kept failed",
        arguments: Lane.all
    )
    func givesUpAfterADay(lane: Lane) async throws {
        try await withApp(lane) { app in
            // given: a receiver that cannot be reached
            let receiver = TestReceiver(answers: [], unreachable: true)
            app.webhookTransport = receiver
            let admin = try await Fixtures.user("quan_tri", role: .administrator, scope: .everything, on: app.db)
            let token = try await Fixtures.token(for: admin, app: app)
            _ = try created(
                try await api(app, .POST, "/api/v1/webhooks", token: token, json: body("https://n.example"))
            )
            try await publish(app, area: Fixtures.communeA, name: "mất điện")
            // when: the runner a second before each attempt is due, and when it is (30 s, 2 min, 10 min, 1 h, 3 h,
            // 6 h, 12 h, 12 h), then a day after the last
            let waits: [TimeInterval] = [30, 120, 600, 3_600, 10_800, 21_600, 43_200, 43_200]
            // Counted by the attempts each pass made (the app's own daily jobs run in these passes too).
            func attempts(at now: Date) async throws -> Int {
                let before = try await WebhookAttempt.query(on: app.db).count()
                try await JobRunner.runDue(app, now: now)
                return try await WebhookAttempt.query(on: app.db).count() - before
            }
            var at = Self.start
            var ran = [try await attempts(at: at)]
            var early: [Int] = []
            for wait in waits {
                early.append(try await attempts(at: at.addingTimeInterval(wait - 1)))
                at = at.addingTimeInterval(wait)
                ran.append(try await attempts(at: at))
            }
            let after = try await attempts(at: at.addingTimeInterval(86_400))
            // then: nine attempts, the last more than 24 h after the first, and the delivery failed with each attempt
            let delivery = try #require(try await WebhookDelivery.query(on: app.db).first())
            let attempts = try await WebhookAttempt.query(on: app.db).all()
            #expect(ran == Array(repeating: 1, count: 9) && early.allSatisfy { $0 == 0 } && after == 0)
            #expect(at.timeIntervalSince(Self.start) > 86_400)
            #expect(delivery.status == .failed && delivery.attempts == 9 && attempts.count == 9)
            #expect(attempts.allSatisfy { $0.status == nil && $0.error?.contains("không tới được") == true })
            let job = try #require(try await Job.query(on: app.db).filter(\.$kind == "webhook.deliver").first())
            #expect(job.status == .failed)
        }
    }

    private func body(_ url: String) -> String {
        #"{"url":"\#(url)","description":"Cổng SMS","event_types":["incident.reported"]}"#
    }

    private func created(_ response: TestingHTTPResponse) throws -> CreatedWebhookDTO {
        #expect(response.status == .created)
        return try JSONDecoder.api.decode(CreatedWebhookDTO.self, from: Data(response.body.readableBytesView))
    }

    private func publish(_ app: Application, area: AreaPath, name: String) async throws {
        try await app.write { db in
            try await Outbox.publish(
                .incidentReported,
                payload: ["name": name],
                unit: nil,
                area: area,
                on: db,
                now: Self.start
            )
        }
    }
}

extension JSONDecoder {
    /// Reads the API's JSON: snake_case keys, ISO 8601 dates.
    static var api: JSONDecoder {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }
}

/// A receiver in memory: answers the scripted statuses in turn, then 204; or cannot be reached at all.
actor TestReceiver: WebhookTransport {
    struct Received: Sendable {
        var url: String
        var id: String
        var timestamp: Int
        var signature: String
        var body: String
        /// The `name` of the event's payload.
        var name: String
    }

    private var answers: [Int]
    private let unreachable: Bool
    private(set) var requests: [Received] = []

    init(answers: [Int], unreachable: Bool = false) {
        self.answers = answers
        self.unreachable = unreachable
    }

    nonisolated func post(
        url: String,
        headers: [(String, String)],
        body: String,
        timeout: TimeInterval
    ) async throws
        -> Int
    {
        try await receive(url: url, headers: headers, body: body)
    }

    private func receive(url: String, headers: [(String, String)], body: String) throws -> Int {
        let header = { (name: String) in headers.first { $0.0 == name }?.1 ?? "" }
        struct Envelope: Decodable { var data: [String: String] }
        let name = (try? JSONDecoder().decode(Envelope.self, from: Data(body.utf8)))?.data["name"] ?? ""
        requests.append(
            Received(
                url: url,
                id: header("webhook-id"),
                timestamp: Int(header("webhook-timestamp")) ?? 0,
                signature: header("webhook-signature"),
                body: body,
                name: name
            )
        )
        if unreachable { throw TestJobError(text: "không tới được máy nhận") }
        return answers.isEmpty ? 204 : answers.removeFirst()
    }
}
