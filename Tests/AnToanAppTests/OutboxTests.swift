import AnToanCore
import Fluent
import Foundation
import Testing
import Vapor

@testable import AnToanApp

/// The outbox: events written in the transaction of their change, numbered in commit order.
@Suite("Outbox")
struct OutboxTests {
    struct Sample: Codable, Sendable {
        var name: String
        var count: Int
    }

    static let sampleType = EventType(rawValue: "test.sample")
    static let now = Date(timeIntervalSince1970: 1_800_000_000)

    @Test("an event lands with its change and vanishes with a rolled-back one", arguments: Lane.all)
    func transactional(lane: Lane) async throws {
        struct Refused: Error {}
        try await withApp(lane) { app in
            // when: one write commits, another publishes then fails
            try await app.write { db in
                try await AreaEvent(kind: "test", effectiveDate: "2027-01-01", summary: "kept").insert(on: db)
                try await Outbox.publish(
                    Self.sampleType,
                    payload: Sample(name: "kept", count: 1),
                    unit: nil,
                    area: Fixtures.province,
                    on: db,
                    now: Self.now
                )
            }
            await #expect(throws: Refused.self) {
                try await app.write { db in
                    try await AreaEvent(kind: "test", effectiveDate: "2027-01-01", summary: "lost").insert(on: db)
                    try await Outbox.publish(
                        Self.sampleType,
                        payload: Sample(name: "lost", count: 2),
                        unit: nil,
                        area: nil,
                        on: db,
                        now: Self.now
                    )
                    throw Refused()
                }
            }
            // then: one event, the committed one, with its scope and the API's JSON
            let events = try await Outbox.events(after: 0, limit: 10, on: app.db)
            #expect(events.count == 1)
            #expect(events.first?.payload == #"{"name":"kept","count":1}"#)
            #expect(events.first?.areaPath == "/79/")
            #expect(events.first?.type == Self.sampleType)
            #expect(events.first?.at == Self.now)
            #expect(try await AreaEvent.query(on: app.db).filter(\.$kind == "test").count() == 1)
        }
    }

    @Test("events come back in the order they were numbered, after a given number", arguments: Lane.all)
    func order(lane: Lane) async throws {
        try await withApp(lane) { app in
            // given
            var published: [OutboxEvent] = []
            for index in 1...5 {
                published.append(
                    try await app.write { db in
                        try await Outbox.publish(
                            Self.sampleType,
                            payload: Sample(name: "n\(index)", count: index),
                            unit: nil,
                            area: nil,
                            on: db,
                            now: Self.now
                        )
                    }
                )
            }
            // when
            let after = try await Outbox.events(after: published[1].seq, limit: 2, on: app.db)
            let all = try await Outbox.events(after: 0, limit: 100, on: app.db)
            // then
            #expect(published.map(\.seq) == [1, 2, 3, 4, 5])
            #expect(after.map(\.seq) == [3, 4])
            #expect(all == published)
            #expect(try await Outbox.lastSeq(on: app.db) == 5)
        }
    }

    @Test("writers publishing at once get distinct numbers without gaps", arguments: Lane.concurrent)
    func concurrent(lane: Lane) async throws {
        try await withApp(lane) { app in
            // when
            try await withThrowingTaskGroup(of: Void.self) { group in
                for index in 1...16 {
                    group.addTask {
                        let _: OutboxEvent = try await app.write { db in
                            try await Outbox.publish(
                                Self.sampleType,
                                payload: Sample(name: "c", count: index),
                                unit: nil,
                                area: nil,
                                on: db,
                                now: Self.now
                            )
                        }
                    }
                }
                try await group.waitForAll()
            }
            // then
            let events = try await Outbox.events(after: 0, limit: 100, on: app.db)
            #expect(events.map(\.seq) == Array(1...16))
            #expect(Set(events.map(\.payload)).count == 16)
        }
    }

    @Test("who may see an event: its account, else its unit, the authorities over its area, administrators")
    func visibility() {
        let unitA = UUID()
        let unitB = UUID()
        let account = UUID()
        let ofUnitA = OutboxEvent(
            seq: 1,
            id: UUID(),
            type: Self.sampleType,
            unitID: unitA,
            areaPath: "/79/26734/",
            accountID: nil,
            payload: "{}",
            at: Self.now
        )
        let toAccount = OutboxEvent(
            seq: 2,
            id: UUID(),
            type: Self.sampleType,
            unitID: unitA,
            areaPath: "/79/26734/",
            accountID: account,
            payload: "{}",
            at: Self.now
        )
        #expect(ofUnitA.isVisible(to: UUID(), scope: .unit(unitA, in: Fixtures.communeA)))
        #expect(!ofUnitA.isVisible(to: UUID(), scope: .unit(unitB, in: Fixtures.communeA)))
        #expect(ofUnitA.isVisible(to: UUID(), scope: .area(Fixtures.province)))
        #expect(!ofUnitA.isVisible(to: UUID(), scope: .area(Fixtures.communeB)))
        #expect(!ofUnitA.isVisible(to: UUID(), scope: .area(Fixtures.otherProvince)))
        #expect(ofUnitA.isVisible(to: UUID(), scope: .everything))
        #expect(toAccount.isVisible(to: account, scope: .unit(unitB, in: Fixtures.communeB)))
        #expect(!toAccount.isVisible(to: UUID(), scope: .everything))
        #expect(!toAccount.isVisible(to: UUID(), scope: .unit(unitA, in: Fixtures.communeA)))
    }
}
