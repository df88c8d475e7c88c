import AnToanCore
import Fluent
import Foundation
import SQLKit
import Testing
import Vapor
import VaporTesting

@testable import AnToanApp

/// The nightly due-date job at a province's size, opt-in (UPKEEP_SCALE=1, it takes a minute to fill): 150,000 items
/// and as many checks, the job timed against the 10-second target, then again with nothing changed. Measured on the
/// 2-core build machine, one lane at a time: SQLite 8.2 s, then 4.7 s; PostgreSQL (both lanes at once) 8.2 s, then
/// 3.9 s.
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
            let kinds = ["powder_extinguisher", "co2_extinguisher", "rubber_baton", "hydrant", "radio"]
            let total = 150_000
            let now = clock.now()
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
                    let kind = EquipmentKind(rawValue: kinds[number % kinds.count])!
                    let id = UUID()
                    items = items.values(
                        SQLBind(id),
                        SQLBind(unit),
                        SQLBind(area),
                        SQLBind(kind.category.rawValue),
                        SQLBind(kind.rawValue),
                        SQLBind("Phương tiện \(number)"),
                        SQLBind(""),
                        SQLBind(""),
                        SQLBind("guard_force"),
                        SQLBind(""),
                        SQLBind("in_store"),
                        SQLBind(1),
                        SQLBind(0),
                        SQLBind("chiếc"),
                        SQLBind(world.today.adding(days: -(number % 400)).iso),
                        SQLBind(""),
                        SQLBind(""),
                        SQLBind(now),
                        SQLBind(now)
                    )
                    checks = checks.values(
                        SQLBind(UUID()),
                        SQLBind(id),
                        SQLBind(unit),
                        SQLBind(area),
                        SQLBind(kind.category.rawValue),
                        SQLBind("check"),
                        SQLBind(world.today.julianDay - number % 40),
                        SQLBind(now),
                        SQLBind(world.gate.ids["bv_a"]!),
                        SQLBind("Trần Văn Gác"),
                        SQLBind(""),
                        SQLBind(true),
                        SQLBind(""),
                        SQLBind(false)
                    )
                }
                try await items.run()
                try await checks.run()
                made += rows
            }
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
                "upkeep job (\(lane)): \(total) items, \(dues ?? 0) due dates, \(outcome.batches) batches, "
                    + "\(outcome.reminders) reminders: \(String(format: "%.2f", seconds)) s; again \(String(format: "%.2f", secondRun)) s"
            )
            #expect(seconds < 10)
        }
    }
}
