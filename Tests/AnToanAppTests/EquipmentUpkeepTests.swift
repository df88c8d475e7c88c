import AnToanCore
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

@testable import AnToanApp

/// Equipment upkeep (EQ-3) over the API on both databases: a check of another unit's item 404s and writes nothing;
/// a failed check opens a corrective action (the unit's security officer, 7 days) tracked to done; a check moves the
/// due date; an interval longer than the law allows is refused naming the field; with an injected clock, a reminder
/// 7 days before the due date and another on it, once each however often the job runs, and the overdue flag after.
@Suite("Equipment upkeep")
struct EquipmentUpkeepTests {
    struct World {
        var gate: GateTests.World
        var extinguisherA: UUID
        var extinguisherB: UUID
        var batonA: UUID
        var today: SolarDate

        var unitA: UUID { gate.unitA }
        var unitB: UUID { gate.unitB }
        func token(_ name: String) -> String { gate.token(name) }
    }

    static func principal(_ world: GateTests.World, _ name: String, unit: UUID, area: String) -> Principal {
        Principal(
            id: world.ids[name]!,
            username: name,
            displayName: name,
            role: .unitSecurityOfficer,
            scope: .unit(unit, in: AreaPath(area)!),
            language: nil,
            sessionID: nil
        )
    }

    /// The gate's world (unit A's guard bv_a, security officer antt_a, head tt_a; the province's authority ca_tinh,
    /// another province's ca_khac), unit B's security officer antt_b, and items put in service 20 days ago: a powder
    /// extinguisher in each unit and a baton in unit A. Their checks fall due in 10 days.
    static func world(_ app: Application, clock: TestClock) async throws -> World {
        var gate = try await GateTests.world(app, clock: clock)
        let areaB = gate.province.communeB.path
        let officerB = try await Fixtures.user(
            "antt_b",
            role: .unitSecurityOfficer,
            scope: .unit(gate.unitB, in: AreaPath(areaB)!),
            displayName: "Đỗ An Ninh Bê",
            on: app.db
        )
        gate.tokens["antt_b"] = try await Fixtures.token(for: officerB, app: app)
        gate.ids["antt_b"] = try officerB.requireID()
        let today = VietnamTime.day(of: clock.now())
        let officerA = principal(gate, "antt_a", unit: gate.unitA, area: gate.province.communeA.path)
        let officerBPrincipal = principal(gate, "antt_b", unit: gate.unitB, area: areaB)
        func item(
            _ kind: String,
            _ label: String,
            _ serial: String,
            unit: UUID,
            by principal: Principal
        ) async throws
            -> UUID
        {
            var input = EquipmentInput(unitID: unit)
            input.kind = kind
            input.label = label
            input.serial = serial
            input.capacity = "4 kg"
            input.place = "Hành lang tầng 2"
            input.commissionedOn = today.adding(days: -20).iso
            return try await EquipmentRegistry.create(input, by: principal, on: app).requireID()
        }
        let world = World(
            gate: gate,
            extinguisherA: try await item(
                "powder_extinguisher",
                "Bình bột tầng 2",
                "MFZ4-001",
                unit: gate.unitA,
                by: officerA
            ),
            extinguisherB: try await item(
                "powder_extinguisher",
                "Bình bột nhà B",
                "MFZ4-900",
                unit: gate.unitB,
                by: officerBPrincipal
            ),
            batonA: try await item("rubber_baton", "Dùi cui số 1", "DC-01", unit: gate.unitA, by: officerA),
            today: today
        )
        try await UpkeepReminders.run(app: app, now: clock.now())
        return world
    }

    struct DueBody: Decodable {
        var itemId: UUID
        var upkeep: String
        var dueOn: String
        var lastDoneOn: String?
        var overdue: Bool
    }

    struct DuesBody: Decodable {
        var unitName: String
        var count: Int
        var dues: [DueBody]
    }

    struct ActionBody: Decodable {
        var id: UUID
        var text: String
        var owner: String
        var deadline: String
        var status: String
        var overdue: Bool
    }

    struct CheckBody: Decodable {
        var id: UUID
        var passed: Bool
        var failed: [String]
        var correctiveAction: ActionBody?
    }

    static func dues(
        _ app: Application,
        _ world: World,
        as name: String,
        query: String = "window=all"
    ) async throws
        -> TestingHTTPResponse
    {
        try await api(app, .GET, "/api/v1/equipment/upkeep/dues?\(query)", token: world.token(name))
    }

    static func check(
        _ app: Application,
        _ world: World,
        _ item: UUID,
        as name: String,
        json: String
    ) async throws
        -> TestingHTTPResponse
    {
        try await api(app, .POST, "/api/v1/equipment/\(item)/checks", token: world.token(name), json: json)
    }

    /// What a refused write would have left behind.
    static func written(_ app: Application) async throws -> [Int] {
        [
            try await AuditEntry.query(on: app.db).count(),
            try await EquipmentCheck.query(on: app.db).count(),
            try await CorrectiveAction.query(on: app.db).count(),
            try await EquipmentSchedule.query(on: app.db).count(),
            try await InboxNotification.query(on: app.db).count(),
        ]
    }

    @Test(
        "a failed check opens a corrective action for the security officer, due in 7 days, tracked to done; a check moves the due date; another unit's item is 404",
        arguments: Lane.all
    )
    func failedCheck(lane: Lane) async throws {
        let clock = TestClock()
        try await withApp(lane, now: clock.now) { app in
            // given
            let world = try await Self.world(app, clock: clock)
            let before = try await Self.written(app)
            // when: unit A's guard checks unit B's extinguisher; names a point that is not on the list; asks for
            // a check the kind has none of
            let foreign = try await Self.check(app, world, world.extinguisherB, as: "bv_a", json: #"{"failed":[]}"#)
            let bogus = try await Self.check(
                app,
                world,
                world.extinguisherA,
                as: "bv_a",
                json: #"{"failed":["seal","bogus"]}"#
            )
            let permit = try await Self.check(
                app,
                world,
                world.extinguisherA,
                as: "bv_a",
                json: #"{"upkeep":"permit_expiry"}"#
            )
            let authority = try await Self.check(app, world, world.extinguisherA, as: "ca_tinh", json: "{}")
            // then
            #expect(foreign.status == .notFound)
            #expect(bogus.status == .unprocessableEntity)
            #expect(try bogus.json(ErrorBody.self).error.fields.map(\.field) == ["failed"])
            #expect(try permit.json(ErrorBody.self).error.fields.map(\.field) == ["upkeep"])
            #expect(authority.status == .forbidden)
            #expect(try await Self.written(app) == before, "nothing written")
            // when: the guard finds the seal broken and the gauge low
            let failed = try await Self.check(
                app,
                world,
                world.extinguisherA,
                as: "bv_a",
                json: #"{"failed":["seal","gauge"],"note":"Kim đồng hồ ở vạch đỏ"}"#
            )
            // then: a failed check, an action for the unit's security officer due in 7 days, who is told
            #expect(failed.status == .created, "\(failed.text)")
            let body = try failed.json(CheckBody.self)
            #expect(!body.passed && body.failed == ["seal", "gauge"])
            let action = try #require(body.correctiveAction)
            #expect(action.owner == "Phạm An Ninh" && action.status == "open" && !action.overdue)
            #expect(action.deadline == world.today.adding(days: 7).iso)
            #expect(action.text.contains("Chốt, niêm phong còn nguyên: không đạt") && action.text.contains("vạch đỏ"))
            let after = try await Self.written(app)
            #expect(after[0] == before[0] + 2, "the check's and the action's audit entries")
            #expect(after[1] == 1 && after[2] == 1 && after[4] == before[4] + 1)
            let told = try await InboxNotification.query(on: app.db).filter(\.$entityID == action.id).all()
            #expect(told.map(\.accountID) == [world.gate.ids["antt_a"]!])
            // the check moved the extinguisher's check due date to 30 days from today
            let dues = try await Self.dues(app, world, as: "antt_a").json(DuesBody.self)
            let due = try #require(dues.dues.first { $0.itemId == world.extinguisherA && $0.upkeep == "check" })
            #expect(due.dueOn == world.today.adding(days: 30).iso && due.lastDoneOn == world.today.iso)
            // the action is marked done with a note, once; another unit's officer cannot see it
            let base = "/api/v1/equipment/upkeep/actions/\(action.id)/done"
            let noNote = try await api(app, .POST, base, token: world.token("antt_a"), json: "{}")
            #expect(try noNote.json(ErrorBody.self).error.fields.map(\.field) == ["done_note"])
            let otherUnit = try await api(app, .POST, base, token: world.token("antt_b"), json: #"{"done_note":"x"}"#)
            #expect(otherUnit.status == .notFound)
            let done = try await api(
                app,
                .POST,
                base,
                token: world.token("antt_a"),
                json: #"{"done_note":"Đã nạp lại bình, thay chốt"}"#
            )
            #expect(done.status == .ok, "\(done.text)")
            #expect(try done.json(ActionBody.self).status == "done")
            let twice = try await api(app, .POST, base, token: world.token("antt_a"), json: #"{"done_note":"x"}"#)
            #expect(try twice.json(ErrorBody.self).error.fields.map(\.field) == ["action"])
            let open = try await api(app, .GET, "/api/v1/equipment/upkeep/actions", token: world.token("antt_a"))
            #expect(open.text.contains(#""count":0"#), "\(open.text)")
            // a passing check opens nothing
            let passed = try await Self.check(app, world, world.batonA, as: "bv_a", json: "{}")
            let passedBody = try passed.json(CheckBody.self)
            #expect(passedBody.passed && passedBody.correctiveAction == nil)
            #expect(try await CorrectiveAction.query(on: app.db).count() == 1)
        }
    }

    @Test(
        "an interval longer than the law allows is refused naming interval_days; a shorter one moves the unit's due dates",
        arguments: Lane.all
    )
    func intervals(lane: Lane) async throws {
        let clock = TestClock()
        try await withApp(lane, now: clock.now) { app in
            // given
            let world = try await Self.world(app, clock: clock)
            let path = "/api/v1/equipment/upkeep/schedules"
            let before = try await Self.written(app)
            // when
            let longer = try await api(
                app,
                .POST,
                path,
                token: world.token("antt_a"),
                json: #"{"kind":"powder_extinguisher","upkeep":"check","interval_days":45}"#
            )
            let radio = try await api(
                app,
                .POST,
                path,
                token: world.token("antt_a"),
                json: #"{"kind":"radio","upkeep":"check","interval_days":10}"#
            )
            let guardSets = try await api(
                app,
                .POST,
                path,
                token: world.token("bv_a"),
                json: #"{"kind":"powder_extinguisher","upkeep":"check","interval_days":14}"#
            )
            // then
            #expect(longer.status == .unprocessableEntity)
            let field = try #require(try longer.json(ErrorBody.self).error.fields.first)
            #expect(field.field == "interval_days" && field.message.contains("TCVN 7435-2"), "\(longer.text)")
            #expect(try radio.json(ErrorBody.self).error.fields.map(\.field) == ["upkeep"])
            #expect(guardSets.status == .forbidden)
            #expect(try await Self.written(app) == before)
            // when: 14 days, and a baton's maintenance every year (no legal floor)
            let shorter = try await api(
                app,
                .POST,
                path,
                token: world.token("antt_a"),
                json: #"{"kind":"powder_extinguisher","upkeep":"check","interval_days":14}"#
            )
            let baton = try await api(
                app,
                .POST,
                path,
                token: world.token("antt_a"),
                json: #"{"kind":"rubber_baton","upkeep":"maintenance","interval_days":365}"#
            )
            // then
            #expect(shorter.status == .ok && baton.status == .ok, "\(shorter.text)")
            #expect(try await EquipmentSchedule.query(on: app.db).count() == 2)
            let dues = try await Self.dues(app, world, as: "antt_a").json(DuesBody.self)
            let start = world.today.adding(days: -20)
            #expect(
                dues.dues.first { $0.itemId == world.extinguisherA && $0.upkeep == "check" }?.dueOn
                    == start.adding(days: 14).iso
            )
            #expect(
                dues.dues.first { $0.itemId == world.batonA && $0.upkeep == "maintenance" }?.dueOn
                    == start.adding(days: 365).iso
            )
            // unit B keeps the default
            let duesB = try await Self.dues(app, world, as: "antt_b").json(DuesBody.self)
            #expect(duesB.dues.first { $0.upkeep == "check" }?.dueOn == start.adding(days: 30).iso)
            // the schedules list shows the unit's own beside the default and the legal maximum
            let list = try await api(app, .GET, path, token: world.token("antt_a"))
            #expect(list.text.contains(#""unit_days":14"#) && list.text.contains(#""legal_maximum_days":30"#))
            // an authority reads a unit of its area, not another province's
            let authority = try await Self.dues(app, world, as: "ca_tinh", query: "window=all&unit=\(world.unitA)")
            #expect(authority.status == .ok)
            #expect(try authority.json(DuesBody.self).count == 5, "3 + 2 upkeeps")
            #expect(try await Self.dues(app, world, as: "ca_khac", query: "unit=\(world.unitA)").status == .notFound)
            #expect(try await Self.dues(app, world, as: "antt_b", query: "unit=\(world.unitA)").status == .notFound)
            let item = try await api(
                app,
                .GET,
                "/api/v1/equipment/\(world.extinguisherA)/upkeep",
                token: world.token("antt_b")
            )
            #expect(item.status == .notFound)
        }
    }

    @Test(
        "with an injected clock: a reminder 7 days before the due date and another on it, once each however often the job runs; the overdue flag after it",
        arguments: Lane.all
    )
    func reminders(lane: Lane) async throws {
        let clock = TestClock()
        try await withApp(lane, now: clock.now) { app in
            // given: the checks fall due in 10 days; the world ran the job once already
            let world = try await Self.world(app, clock: clock)
            func told() async throws -> Int {
                try await InboxNotification.query(on: app.db).filter(\.$entity == UpkeepReminders.entity).count()
            }
            #expect(try await told() == 0, "10 days ahead: no reminder yet")
            // when: 3 days on, the due dates are 7 days ahead
            clock.advance(by: 3 * 86_400)
            let first = try await UpkeepReminders.run(app: app, now: clock.now())
            let again = try await UpkeepReminders.run(app: app, now: clock.now())
            // then: unit A's head and security officer are told once, of both items' checks (unit B's officer of
            // its one)
            #expect(first.reminders == 3 && again.reminders == 0)
            let soon = try await InboxNotification.query(on: app.db).filter(\.$entity == UpkeepReminders.entity)
                .filter(\.$entityID == world.unitA).all()
            #expect(Set(soon.map(\.accountID)) == [world.gate.ids["antt_a"]!, world.gate.ids["tt_a"]!])
            #expect(soon.allSatisfy { $0.titleVi.contains("2 việc bảo quản phương tiện đến hạn trong 7 ngày") })
            let afterSoon = try await told()
            // when: on the due day, twice
            clock.advance(by: 7 * 86_400)
            try await UpkeepReminders.run(app: app, now: clock.now())
            try await UpkeepReminders.run(app: app, now: clock.now())
            // then: one more each, not overdue yet
            #expect(try await told() == afterSoon * 2)
            var dues = try await Self.dues(app, world, as: "antt_a", query: "window=overdue").json(DuesBody.self)
            #expect(dues.count == 0)
            // when: the day after
            clock.advance(by: 86_400)
            try await UpkeepReminders.run(app: app, now: clock.now())
            // then: overdue, and nothing more sent for the same due date
            #expect(try await told() == afterSoon * 2)
            dues = try await Self.dues(app, world, as: "antt_a", query: "window=overdue").json(DuesBody.self)
            #expect(dues.count == 2 && dues.dues.allSatisfy { $0.overdue && $0.upkeep == "check" })
            #expect(try await EquipmentReminderCount.rows(app) == 6, "(2 items A + 1 item B) × (soon, due)")
            // a check done today moves the due date; the overdue flag goes
            _ = try await Self.check(app, world, world.extinguisherA, as: "bv_a", json: "{}")
            dues = try await Self.dues(app, world, as: "antt_a", query: "window=overdue").json(DuesBody.self)
            #expect(dues.count == 1 && dues.dues.first?.itemId == world.batonA)
        }
    }
}

/// The reminder rows written, by raw SQL (the table has no model).
enum EquipmentReminderCount {
    static func rows(_ app: Application) async throws -> Int {
        try await app.db.rows("SELECT COUNT(*) FROM equipment_reminders") { try $0.next(Int.self) }.first ?? 0
    }
}
