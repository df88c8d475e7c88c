import AnToanCore
import Fluent
import Foundation
import SQLKit
import Testing
import Vapor
import VaporTesting

@testable import AnToanApp

/// Upkeep at a province's size, opt-in (UPKEEP_SCALE=1; each takes a minute or two to fill): the nightly due-date job
/// over 150,000 items and as many checks against the 10-second target, then again with nothing changed; the oversight
/// over 3,000 units against the 50 ms p99 (one connection: the benchmark's 16 are the lead's).
@Suite("Equipment upkeep at scale")
struct EquipmentUpkeepScaleTests {
    @Test(
        "the nightly job recomputes 150,000 items' due dates in under 10 seconds",
        .enabled(if: ProcessInfo.processInfo.environment["UPKEEP_SCALE"] != nil),
        arguments: Lane.all
    )
    func nightly(lane: Lane) async throws {
        let clock = TestClock()
        try await withApp(lane, now: clock.now) { app in
            // given
            let world = try await EquipmentUpkeepTests.world(app, clock: clock)
            let units = [
                (world.unitA, world.gate.province.communeA.path), (world.unitB, world.gate.province.communeB.path),
            ]
            try await Self.fill(app, world, units: units, total: 150_000, now: clock.now())
            // when
            let started = Date()
            let outcome = try await UpkeepReminders.run(app: app, now: clock.now())
            let seconds = Date().timeIntervalSince(started)
            let again = Date()
            try await UpkeepReminders.run(app: app, now: clock.now())
            let secondRun = Date().timeIntervalSince(again)
            // then
            let dues = try await app.db.rows("SELECT COUNT(*) FROM equipment_dues") { try $0.next(Int.self) }.first
            print(
                "upkeep job (\(lane)): 150000 items, \(dues ?? 0) due dates, \(outcome.batches) batches, "
                    + "\(outcome.reminders) reminders: \(String(format: "%.2f", seconds)) s; "
                    + "again \(String(format: "%.2f", secondRun)) s"
            )
            #expect(seconds < 10)
        }
    }

    @Test(
        "the oversight over 3,000 units and 150,000 items reads a page well under 50 ms",
        .enabled(if: ProcessInfo.processInfo.environment["UPKEEP_SCALE"] != nil),
        arguments: Lane.all
    )
    func oversight(lane: Lane) async throws {
        let clock = TestClock()
        try await withApp(lane, now: clock.now) { app in
            // given: 3,000 units in commune A, 50 items each, the night's job run 60 days on
            let world = try await EquipmentUpkeepTests.world(app, clock: clock)
            var units: [(UUID, String)] = []
            for index in 1...3_000 {
                let unit = try await api(
                    app,
                    .POST,
                    "/api/v1/units",
                    token: world.gate.province.adminToken,
                    json:
                        #"{"code":"DV-\#(index)","name":"Đơn vị \#(index)","kind":"bank","area_id":"\#(world.gate.province.communeA.id)","address":"1 Lê Lợi"}"#
                )
                units.append((try unit.json(UnitDTO.self).id, world.gate.province.communeA.path))
            }
            try await Self.fill(app, world, units: units, total: 150_000, now: clock.now())
            clock.advance(by: 60 * 86_400)
            try await UpkeepReminders.run(app: app, now: clock.now())
            let scope = Scope.area(AreaPath(world.gate.province.province.path)!)
            // when
            var times: [Double] = []
            for round in 0..<100 {
                let started = Date()
                _ = try await EquipmentOversight.page(round % 5 + 1, in: scope, on: app.db)
                times.append(Date().timeIntervalSince(started) * 1_000)
            }
            // then
            times.sort()
            let first = try await EquipmentOversight.page(1, in: scope, on: app.db)
            print(
                "upkeep oversight (\(lane)): \(first.unitsWithProblems) units with problems; median "
                    + "\(String(format: "%.1f", times[50])) ms, p99 \(String(format: "%.1f", times[98])) ms"
            )
            #expect(first.units.count == EquipmentOversight.perPage)
            #expect(times[98] < 50)
        }
    }

    /// `total` items spread over `units` (a powder and a CO₂ extinguisher, a baton, a hydrant, a radio in turn), put in
    /// service up to 400 days ago and each checked once in the last 40 days.
    static func fill(
        _ app: Application,
        _ world: EquipmentUpkeepTests.World,
        units: [(UUID, String)],
        total: Int,
        now: Date
    ) async throws {
        let kinds: [EquipmentKind] = [.powderExtinguisher, .co2Extinguisher, .rubberBaton, .hydrant, .radio]
        var made = 0
        while made < total {
            let rows = min(1_000, total - made)
            var items = app.db.sql.insert(into: EquipmentItem.schema)
                .columns(
                    "id",
                    "unit_id",
                    "area_path",
                    "category",
                    "kind",
                    "label",
                    "brand_model",
                    "capacity",
                    "owner",
                    "place",
                    "status",
                    "quantity",
                    "min_stock",
                    "measure",
                    "commissioned_on",
                    "notes",
                    "search_folded",
                    "created_at",
                    "updated_at"
                )
            var checks = app.db.sql.insert(into: EquipmentCheck.schema)
                .columns(
                    "id",
                    "item_id",
                    "unit_id",
                    "area_path",
                    "category",
                    "upkeep",
                    "done_day",
                    "checked_at",
                    "checker_id",
                    "checker_name",
                    "failed_points",
                    "passed",
                    "note",
                    "has_photo"
                )
            for index in 0..<rows {
                let number = made + index
                let (unit, area) = units[number % units.count]
                let kind = kinds[number % kinds.count]
                let id = UUID()
                let itemValues: [any Encodable & Sendable] = [
                    id, unit, area, kind.category.rawValue, kind.rawValue, "Phương tiện \(number)", "", "",
                    "guard_force", "", "in_store", 1, 0, "chiếc", world.today.adding(days: -(number % 400)).iso, "", "",
                    now, now,
                ]
                items = items.values(itemValues.map { SQLBind($0) })
                let checkValues: [any Encodable & Sendable] = [
                    UUID(), id, unit, area, kind.category.rawValue, "check", world.today.julianDay - number % 40, now,
                    world.gate.ids["bv_a"]!, "Trần Văn Gác", "", true, "", false,
                ]
                checks = checks.values(checkValues.map { SQLBind($0) })
            }
            try await items.run()
            try await checks.run()
            made += rows
        }
    }
}
