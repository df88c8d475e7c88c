import AnToanCore
import Foundation
import Testing
import Vapor
import VaporTesting

@testable import AnToanApp

/// Oversight at a province's size: a page an officer can act on (the most urgent units first, a page at a time),
/// worked out once and shared, yet never behind a change; and each unit's days off by its own weekly rest days.
@Suite("Oversight at scale")
struct OversightScaleTests {
    @Test(
        "the most urgent units come first, a page at a time, and a change shows at once in the same minute",
        arguments: Lane.all
    )
    func pages(lane: Lane) async throws {
        try await withApp(lane, now: OversightTests.clock) { app in
            // given: the two set-up units of the world (one short now, one with nobody checked in), and 55 units
            // with no set-up whose names sort before theirs
            let world = try await OversightTests.world(app)
            var waiting: [UnitDTO] = []
            for index in 1...55 {
                let unit = try await api(
                    app,
                    .POST,
                    "/api/v1/units",
                    token: world.adminToken,
                    json:
                        #"{"code":"CHO-\#(index)","name":"An Bình \#(index)","kind":"bank","area_id":"\#(world.communeA.id)","address":"1 Lê Lợi"}"#
                )
                #expect(unit.status == .created, "\(unit.text)")
                waiting.append(try unit.json(UnitDTO.self))
            }
            var browser = try await OrganisationTests.provinceAuthority(app, world)

            // when
            let first = try await browser.get("/duty/oversight").text
            let second = try await browser.get("/duty/oversight?page=2").text

            // then: the units short now lead the first page, before the alphabetically earlier ones
            let unitB = try #require(first.range(of: world.unitB.name))
            let earliest = try #require(first.range(of: "An Bình 1<"))
            #expect(unitB.lowerBound < earliest.lowerBound)
            #expect(first.contains("Trang 1/3") && second.contains("Trang 2/3"))
            #expect(first.contains("(55 chưa khai báo chốt trực)"))
            let rows = { (html: String) in html.components(separatedBy: "<tr>").count - 2 }
            #expect(rows(first) == OversightPage.pageSize)
            #expect(rows(second) == OversightPage.pageSize)
            let third = try await browser.get("/duty/oversight?page=3").text
            #expect(rows(first) + rows(second) + rows(third) == 57)
            #expect(!second.contains(world.unitB.name))

            // when a waiting unit sets up its posts, in the same minute
            let setup = try await api(
                app,
                .PUT,
                "/api/v1/units/\(waiting[0].id)/duty-setup",
                token: world.adminToken,
                json: DutyTests.twoShifts
            )
            #expect(setup.status == .ok)
            let after = try await browser.get("/duty/oversight").text

            // then the page says so at once
            #expect(after.contains("(54 chưa khai báo chốt trực)"), "\(after)")
        }
    }

    @Test(
        "a unit resting on Saturday and Sunday is watched on the day that makes up for 01/05/2027; a Sunday one is not",
        arguments: Lane.all
    )
    func weeklyRest(lane: Lane) async throws {
        // Sunday 2 May 2027, 10:00 in Vietnam. 30/04 and 01/05 fell on Friday and Saturday: only a unit that rests
        // on Saturdays is owed a day, Monday 03/05.
        let sunday: @Sendable () -> Date = { Date(timeIntervalSince1970: 1_809_226_800) }
        try await withApp(lane, now: sunday) { app in
            // given
            let world = try await OversightTests.world(app)
            for (unit, rest) in [(world.unitA.id, "sat_sun"), (world.unitB.id, "sun")] {
                let response = try await api(
                    app,
                    .PUT,
                    "/api/v1/units/\(unit)/weekly-rest",
                    token: world.adminToken,
                    json: #"{"weekly_rest":"\#(rest)"}"#
                )
                #expect(response.status == .ok, "\(response.text)")
            }

            // when
            let covers = try await api(app, .GET, "/api/v1/duty/oversight", token: world.adminToken)
                .json([UnitCoverDTO].self)

            // then
            let next = { (unit: UUID) in
                Set(
                    covers.first { $0.unitId == unit }?.gaps.filter { $0.window == .nextHolidayOrPeak }.map(\.date)
                        ?? []
                )
            }
            #expect(next(world.unitA.id) == ["2027-05-03"])
            #expect(!next(world.unitB.id).contains("2027-05-03"))
        }
    }

    @Test("a cover is shared until a write or a new minute, and its first readers wait for it together")
    func cacheRules() async throws {
        let cache = OversightCache()
        let minute = { (n: Double) in Date(timeIntervalSince1970: 1_800_000_000 + n * 60) }
        let cover: @Sendable (String) -> [DutyOversight.UnitCover] = { name in
            [DutyOversight.UnitCover(unitID: UUID(), code: name, name: name, noSetup: true, gaps: [])]
        }
        // worked out once, then shared
        let first = try await cache.covers(in: .everything, now: minute(0), head: 1) { _ in cover("a") }
        let shared = try await cache.covers(in: .everything, now: minute(0) + 10, head: 1) { _ in
            Issue.record("worked out twice in one minute")
            return cover("x")
        }
        #expect(first.covers.map(\.name) == ["a"] && shared.covers.map(\.name) == ["a"])
        // a write moves the head: the next reader gets the new cover, in the same minute
        let written = try await cache.covers(in: .everything, now: minute(0) + 20, head: 2) { _ in cover("b") }
        #expect(written.covers.map(\.name) == ["b"])
        // a new minute: readers at once share one piece of work, for that minute
        let asked = Asked()
        let nextMinute = minute(1)
        let readers = try await withThrowingTaskGroup(of: String.self) { group in
            for _ in 0..<8 {
                group.addTask {
                    try await cache.covers(in: .everything, now: nextMinute + 5, head: 2) { at in
                        await asked.add(at)
                        await Task.yield()
                        return cover("c")
                    }
                    .covers.map(\.name).joined()
                }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(readers == Array(repeating: "c", count: 8))
        #expect(await asked.minutes == [minute(1)])
        // never an older minute's cover
        let later = try await cache.covers(in: .everything, now: minute(2), head: 2) { _ in cover("f") }
        #expect(later.at == minute(2) && later.covers.map(\.name) == ["f"])
    }
}

/// The minutes a cover's work was asked for.
private actor Asked {
    var minutes: [Date] = []

    func add(_ minute: Date) { minutes.append(minute) }
}
