import AnToanCore
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

@testable import AnToanApp

/// The live stream: each client hears what its scope may see, resumes after the last event it saw, and no
/// more. Clients here read the stream the route writes, straight from the hub, without a socket.
@Suite("Event stream")
struct EventStreamTests {
    struct Sample: Codable, Sendable {
        var note: String
    }

    static let sampleType = EventType(rawValue: "test.sample")
    static let unitA = UUID()
    static let unitB = UUID()

    /// One event as a client parses it.
    struct Received: Equatable {
        var seq: Int64
        var type: String
        var data: String
    }

    /// A client of the stream: what the route writes, parsed into events as they come.
    final class Client: AsyncBodyStreamWriter, @unchecked Sendable {
        private let chunks: AsyncStream<String>
        private let sink: AsyncStream<String>.Continuation
        private var iterator: AsyncStream<String>.Iterator
        private var pending = ""
        private(set) var events: [Received] = []
        private(set) var comments = 0
        /// True once the route's writing has ended (the client went away or the hub stopped).
        private(set) var ended = false
        private var task: Task<Void, any Error>?

        init() {
            (chunks, sink) = AsyncStream.makeStream(of: String.self)
            iterator = chunks.makeAsyncIterator()
        }

        func write(_ result: BodyStreamResult) async throws {
            if case .buffer(let buffer) = result { sink.yield(String(buffer: buffer)) }
        }

        /// Opens the stream for `account` with `scope`, as `GET /events` does.
        static func connect(
            _ app: Application,
            account: UUID = UUID(),
            scope: Scope,
            resumeAfter: Int64? = nil
        ) async throws -> Client {
            let client = Client()
            let hub = try #require(app.eventHub)
            let subscription = try await hub.subscribe(account: account, scope: scope, app: app)
            client.task = Task {
                defer {
                    client.ended = true
                    client.sink.finish()
                }
                try await EventStream.run(
                    subscription,
                    resumeAfter: resumeAfter,
                    account: account,
                    scope: scope,
                    app: app,
                    writer: client
                )
            }
            return client
        }

        /// Reads until an event numbered `seq` or later has come, or 20 s have passed (a failure, not a wait).
        func read(through seq: Int64) async -> [Received] {
            let deadline = Task { [sink] in
                try? await Task.sleep(for: .seconds(20))
                sink.finish()
            }
            defer { deadline.cancel() }
            while events.last.map({ $0.seq < seq }) ?? true {
                guard let chunk = await iterator.next() else { break }
                parse(chunk)
            }
            return events
        }

        func close() {
            task?.cancel()
            sink.finish()
        }

        private func parse(_ chunk: String) {
            pending += chunk
            while let end = pending.range(of: "\n\n") {
                let block = pending[..<end.lowerBound]
                pending = String(pending[end.upperBound...])
                var seq: Int64?
                var type = ""
                var data: [String] = []
                for line in block.split(separator: "\n") {
                    if line.hasPrefix(":") { comments += 1 }
                    if line.hasPrefix("id: ") { seq = Int64(line.dropFirst(4)) }
                    if line.hasPrefix("event: ") { type = String(line.dropFirst(7)) }
                    if line.hasPrefix("data: ") { data.append(String(line.dropFirst(6))) }
                }
                if let seq { events.append(Received(seq: seq, type: type, data: data.joined(separator: "\n"))) }
            }
        }
    }

    @discardableResult
    static func publish(
        _ app: Application,
        _ note: String,
        unit: UUID?,
        area: AreaPath?,
        account: UUID? = nil
    ) async throws -> OutboxEvent {
        try await app.write { db in
            try await Outbox.publish(
                sampleType,
                payload: Sample(note: note),
                unit: unit,
                area: area,
                account: account,
                on: db,
                now: Date(timeIntervalSince1970: 1_800_000_000)
            )
        }
    }

    @Test("a client of unit B never receives unit A's event", arguments: Lane.all)
    func unitScope(lane: Lane) async throws {
        try await withApp(lane) { app in
            // given
            let clientA = try await Client.connect(app, scope: .unit(Self.unitA, in: Fixtures.communeA))
            let clientB = try await Client.connect(app, scope: .unit(Self.unitB, in: Fixtures.communeA))
            defer {
                clientA.close()
                clientB.close()
            }
            // when
            let ofA = try await Self.publish(app, "A", unit: Self.unitA, area: Fixtures.communeA)
            let ofB = try await Self.publish(app, "B", unit: Self.unitB, area: Fixtures.communeA)
            // then
            let seenByB = await clientB.read(through: ofB.seq)
            #expect(seenByB.map(\.seq) == [ofB.seq])
            #expect(seenByB.first?.data == #"{"note":"B"}"#)
            #expect(seenByB.first?.type == "test.sample")
            let last = try await Self.publish(app, "A again", unit: Self.unitA, area: Fixtures.communeA)
            #expect(await clientA.read(through: last.seq).map(\.seq) == [ofA.seq, last.seq])
        }
    }

    @Test("an authority receives the events of units in its area and not outside", arguments: Lane.all)
    func authorityScope(lane: Lane) async throws {
        try await withApp(lane) { app in
            // given
            let province = try await Client.connect(app, scope: .area(Fixtures.province))
            let communeB = try await Client.connect(app, scope: .area(Fixtures.communeB))
            let admin = try await Client.connect(app, scope: .everything)
            defer {
                for client in [province, communeB, admin] { client.close() }
            }
            // when
            let inA = try await Self.publish(app, "in A", unit: Self.unitA, area: Fixtures.communeA)
            let elsewhere = try await Self.publish(app, "far", unit: UUID(), area: Fixtures.otherProvince)
            let inB = try await Self.publish(app, "in B", unit: Self.unitB, area: Fixtures.communeB)
            // then
            #expect(await province.read(through: inB.seq).map(\.seq) == [inA.seq, inB.seq])
            #expect(await communeB.read(through: inB.seq).map(\.seq) == [inB.seq])
            #expect(await admin.read(through: inB.seq).map(\.seq) == [inA.seq, elsewhere.seq, inB.seq])
        }
    }

    @Test("a client that comes back after an event first gets what it missed, then what is new", arguments: Lane.all)
    func resumption(lane: Lane) async throws {
        try await withApp(lane) { app in
            // given: three events, the client saw the first; one of unit B it may not see
            let first = try await Self.publish(app, "1", unit: Self.unitA, area: Fixtures.communeA)
            let second = try await Self.publish(app, "2", unit: Self.unitA, area: Fixtures.communeA)
            try await Self.publish(app, "not mine", unit: Self.unitB, area: Fixtures.communeB)
            let third = try await Self.publish(app, "3", unit: Self.unitA, area: Fixtures.communeA)
            // when
            let client = try await Client.connect(
                app,
                scope: .unit(Self.unitA, in: Fixtures.communeA),
                resumeAfter: first.seq
            )
            defer { client.close() }
            let fourth = try await Self.publish(app, "4", unit: Self.unitA, area: Fixtures.communeA)
            // then
            let seen = await client.read(through: fourth.seq)
            #expect(seen.map(\.seq) == [second.seq, third.seq, fourth.seq])
            #expect(seen.map(\.data) == [#"{"note":"2"}"#, #"{"note":"3"}"#, #"{"note":"4"}"#])
        }
    }

    @Test("an event addressed to an account reaches only that account", arguments: Lane.all)
    func addressed(lane: Lane) async throws {
        try await withApp(lane) { app in
            // given: two accounts of the same unit, and an administrator
            let addressee = UUID()
            let mine = try await Client.connect(
                app,
                account: addressee,
                scope: .unit(Self.unitA, in: Fixtures.communeA)
            )
            let colleague = try await Client.connect(app, scope: .unit(Self.unitA, in: Fixtures.communeA))
            let admin = try await Client.connect(app, scope: .everything)
            defer {
                for client in [mine, colleague, admin] { client.close() }
            }
            // when
            let personal = try await Self.publish(
                app,
                "for you",
                unit: Self.unitA,
                area: Fixtures.communeA,
                account: addressee
            )
            let shared = try await Self.publish(app, "for all", unit: Self.unitA, area: Fixtures.communeA)
            // then
            #expect(await mine.read(through: shared.seq).map(\.seq) == [personal.seq, shared.seq])
            #expect(await colleague.read(through: shared.seq).map(\.seq) == [shared.seq])
            #expect(await admin.read(through: shared.seq).map(\.seq) == [shared.seq])
        }
    }

    @Test("a notification reaches its addressee's open stream at once", arguments: Lane.all)
    func notification(lane: Lane) async throws {
        try await withApp(lane) { app in
            // given
            let head = try await Fixtures.user(
                "truong",
                role: .unitHead,
                scope: .unit(Self.unitA, in: Fixtures.communeA),
                on: app.db
            )
            let client = try await Client.connect(
                app,
                account: try head.requireID(),
                scope: .unit(Self.unitA, in: Fixtures.communeA)
            )
            defer { client.close() }
            // when
            try await app.write { db in
                try await Notifications.send(
                    to: [try head.requireID()],
                    title: LocalizedText(vi: "Có sự việc", en: "An incident"),
                    link: "/",
                    needsAcknowledgement: true,
                    entity: "incident",
                    entityID: UUID(),
                    on: db,
                    now: Date(timeIntervalSince1970: 1_800_000_000)
                )
            }
            // then
            let seen = await client.read(through: 1)
            #expect(seen.map(\.type) == ["notification.created"])
            #expect(seen.first?.data.contains(#""title_vi":"Có sự việc""#) == true)
            #expect(seen.first?.data.contains(#""unread":1"#) == true)
        }
    }

    @Test("a page tells its live script where the stream stood before its data was read", arguments: Lane.all)
    func pagePosition(lane: Lane) async throws {
        try await withApp(lane) { app in
            // given: the hub has started and handed out one event
            try await Fixtures.user(
                "truong",
                role: .unitHead,
                scope: .unit(Self.unitA, in: Fixtures.communeA),
                on: app.db
            )
            let client = try await Client.connect(app, scope: .unit(Self.unitA, in: Fixtures.communeA))
            defer { client.close() }
            let event = try await Self.publish(app, "1", unit: Self.unitA, area: Fixtures.communeA)
            _ = await client.read(through: event.seq)
            var browser = Browser(app)
            _ = try await browser.signIn("truong")
            // when
            let page = try await browser.get(SiteURL.notifications.path)
            // then
            #expect(page.text.contains(#"<main data-events-after="\#(event.seq)" id="main">"#))
            #expect(page.text.contains(#"data-live="notification.created notification.read""#))
        }
    }

    @Test("stopping the app ends the open streams instead of waiting for their clients", arguments: Lane.all)
    func shutdown(lane: Lane) async throws {
        try await withApp(lane) { app in
            // given
            let client = try await Client.connect(app, scope: .everything)
            let hub = try #require(app.eventHub)
            #expect(hub.subscriberCount == 1)
            // when
            await hub.stop()
            _ = await client.read(through: .max)
            // then
            #expect(client.ended)
            #expect(hub.subscriberCount == 0)
        }
    }

    @Test("the stream needs a signed-in account, and a resumption point that is a number", arguments: Lane.all)
    func refusals(lane: Lane) async throws {
        try await withApp(lane) { app in
            // given
            let user = try await Fixtures.user(
                "canbo",
                role: .dutyOfficer,
                scope: .unit(Self.unitA, in: Fixtures.communeA),
                on: app.db
            )
            let token = try await Fixtures.token(for: user, app: app)
            // when
            let anonymous = try await app.testing().sendRequest(.GET, SiteURL.events.path)
            let badHeader = try await app.testing().sendRequest(
                .GET,
                SiteURL.events.path,
                headers: ["Authorization": "Bearer \(token)", "Last-Event-ID": "abc"]
            )
            let badQuery = try await app.testing().sendRequest(
                .GET,
                SiteURL.events.path + "?after=-3",
                headers: ["Authorization": "Bearer \(token)"]
            )
            // then
            #expect(anonymous.status == .unauthorized)
            #expect(badHeader.status == .unprocessableEntity)
            #expect(badHeader.body.string.contains("Last-Event-ID"))
            #expect(badQuery.status == .unprocessableEntity)
            #expect(badQuery.body.string.contains("after"))
        }
    }
}
