import AnToanCore
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

@testable import AnToanApp

/// The administrator's jobs page and the webhook pages, as their readers use them.
@Suite("Jobs and webhooks pages")
struct JobsWebhooksPagesTests {
    static let start = Date(timeIntervalSince1970: 1_796_000_000)
    static let clock: @Sendable () -> Date = { start }

    @Test(
        "the jobs page shows a failed job in words with its error, and 'Chạy lại' queues it again",
        arguments: Lane.all
    )
    func jobsPage(lane: Lane) async throws {
        try await withApp(lane, now: Self.clock) { app in
            // given: a webhook delivery job that failed on its only attempt
            app.jobs.register(.webhookDelivery, maxAttempts: 1) { (_: JobContext, _: NoPayload) in
                throw TestJobError(text: "máy nhận từ chối")
            }
            try await app.write { db in
                try await Jobs.enqueue(.webhookDelivery, payload: NoPayload(), runAt: Self.start, on: db)
            }
            try await JobRunner.runDue(app, now: Self.start)
            try await Fixtures.user("quan_tri", role: .administrator, scope: .everything, on: app.db)
            try await Fixtures.user("ca_tinh", role: .authorityLeader, scope: .area(Fixtures.province), on: app.db)
            var admin = Browser(app)
            _ = try await admin.signIn("quan_tri")
            var leader = Browser(app)
            _ = try await leader.signIn("ca_tinh")
            // when
            let page = try await admin.get("/admin/jobs?state=failed")
            let job = try #require(try await Job.query(on: app.db).filter(\.$kind == "webhook.deliver").first())
            let retry = try await admin.post(
                "/admin/jobs/\(try job.requireID().uuidString.lowercased())/retry",
                form: [:]
            )
            let after = try #require(try await Job.query(on: app.db).filter(\.$kind == "webhook.deliver").first())
            let forbidden = try await leader.get("/admin/jobs")
            // then
            #expect(page.status == .ok)
            #expect(page.text.contains("Gửi webhook") && page.text.contains("máy nhận từ chối"))
            #expect(page.text.contains("Thất bại (1)") && page.text.contains("Chạy lại"))
            #expect(page.text.contains(VietnamTime.dateTime(Self.start)) && page.text.contains("Đã thử 1/1"))
            #expect(retry.status == .seeOther)
            #expect(after.status == .queued && after.attempts == 0)
            #expect(forbidden.status == .forbidden)
            let audit = try await AuditEntry.query(on: app.db).filter(\.$entity == "job").count()
            #expect(audit == 1)
        }
    }

    @Test("the webhook form names a bad URL beside its field; a good one shows its secret once", arguments: Lane.all)
    func webhookForm(lane: Lane) async throws {
        try await withApp(lane, now: Self.clock) { app in
            // given
            try await Fixtures.user("ca_tinh", role: .authorityLeader, scope: .area(Fixtures.province), on: app.db)
            try await Fixtures.user("truong_dv", role: .unitHead, scope: .everything, on: app.db)
            var leader = Browser(app)
            _ = try await leader.signIn("ca_tinh")
            // when
            let bad = try await leader.post(
                "/webhooks",
                form: ["url": "ftp://cong-sms.local/nhan", "event_types[]": "incident.reported"]
            )
            let good = try await leader.post(
                "/webhooks",
                form: [
                    "url": "https://cong-sms.example/nhan", "description": "Cổng SMS của tỉnh",
                    "event_types[]": "incident.reported",
                ]
            )
            let again = try await leader.get("/webhooks")
            // then
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.text.contains("phải là địa chỉ http:// hoặc https:// đầy đủ"))
            #expect(bad.text.contains("ftp://cong-sms.local/nhan"))
            #expect(try await WebhookSubscription.query(on: app.db).count() == 1)
            let secret = try #require(try await WebhookSubscription.query(on: app.db).first()).secret
            #expect(good.status == .ok && good.text.contains(secret))
            #expect(again.text.contains("Cổng SMS của tỉnh") && !again.text.contains(secret))
            #expect(again.text.contains("Sự việc được báo cáo"))
        }
    }

    @Test(
        "a subscription's page lists each delivery's attempts, and a failed one can be sent again",
        arguments: Lane.all
    )
    func deliveriesPage(lane: Lane) async throws {
        try await withApp(lane, now: Self.clock) { app in
            // given: a delivery refused on every attempt of its day and more
            let receiver = TestReceiver(answers: Array(repeating: 500, count: 9))
            app.webhookTransport = receiver
            let admin = try await Fixtures.user("quan_tri", role: .administrator, scope: .everything, on: app.db)
            let token = try await Fixtures.token(for: admin, app: app)
            let created = try await api(
                app,
                .POST,
                "/api/v1/webhooks",
                token: token,
                json: #"{"url":"https://n.example/h","event_types":["incident.reported"]}"#
            )
            let id = try created.json(CreatedWebhookDTO.self).subscription.id
            try await app.write { db in
                try await Outbox.publish(
                    EventType(rawValue: "incident.reported"),
                    payload: ["name": "trộm"],
                    unit: nil,
                    area: Fixtures.communeA,
                    on: db,
                    now: Self.start
                )
            }
            var at = Self.start
            for wait in [0, 30, 120, 600, 3_600, 10_800, 21_600, 43_200, 43_200] as [TimeInterval] {
                at = at.addingTimeInterval(wait)
                try await JobRunner.runDue(app, now: at)
            }
            var browser = Browser(app)
            _ = try await browser.signIn("quan_tri")
            // when
            let page = try await browser.get("/webhooks/\(id.uuidString.lowercased())")
            let delivery = try #require(try await WebhookDelivery.query(on: app.db).first())
            let retry = try await browser.post(
                "/webhook-deliveries/\(try delivery.requireID().uuidString.lowercased())/retry",
                form: [:]
            )
            try await JobRunner.runDue(app, now: at.addingTimeInterval(60))
            // then
            #expect(page.status == .ok)
            #expect(page.text.components(separatedBy: "HTTP 500").count - 1 == 9)
            #expect(page.text.contains("Thất bại") && page.text.contains("Gửi lại"))
            #expect(page.text.contains(VietnamTime.dateTime(Self.start)))
            #expect(retry.status == .seeOther)
            let after = try #require(try await WebhookDelivery.query(on: app.db).first())
            #expect(after.status == .delivered && after.attempts == 10)
            #expect(await receiver.requests.count == 10)
        }
    }
}
