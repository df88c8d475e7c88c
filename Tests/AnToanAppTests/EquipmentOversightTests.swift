import AnToanCore
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

@testable import AnToanApp

/// The oversight of equipment on both databases: the province's authority sees, per unit of its area, overdue
/// checks, expired permits, overdue corrective actions and lost items, with the drill-down to the unit's list;
/// another province's sees none of it; the unit head sees the unit; a guard is refused.
@Suite("Equipment oversight")
struct EquipmentOversightTests {
    struct UnitBody: Decodable {
        var unitId: UUID
        var unitName: String
        var overdueChecks: Int
        var overdueMaintenance: Int
        var expiredPermits: Int
        var overdueActions: Int
        var lost: Int
    }

    struct PageBody: Decodable {
        var page: Int
        var hasMore: Bool
        var unitsWithProblems: Int
        var units: [UnitBody]
    }

    @Test(
        "an authority sees each unit's overdue checks, expired permits, overdue actions and lost items, and drills down; another province sees nothing",
        arguments: Lane.all
    )
    func overdueByUnit(lane: Lane) async throws {
        let clock = TestClock()
        try await withApp(lane, now: clock.now) { app in
            // given: a use permit of unit A's baton ending in 5 days; a failed check of its extinguisher; a lost
            // radio of unit B
            let world = try await EquipmentUpkeepTests.world(app, clock: clock)
            let officerA = EquipmentUpkeepTests.principal(
                world.gate,
                "antt_a",
                unit: world.unitA,
                area: world.gate.province.communeA.path
            )
            try await EquipmentRegistry.addPermit(
                world.batonA,
                PermitInput(
                    kind: "use",
                    number: "123/GP",
                    issuer: "Phòng Cảnh sát QLHC về TTXH",
                    issuedOn: world.today.adding(days: -300).iso,
                    validUntil: world.today.adding(days: 5).iso
                ),
                by: officerA,
                on: app
            )
            _ = try await EquipmentUpkeepTests.check(
                app,
                world,
                world.extinguisherA,
                as: "bv_a",
                json: #"{"failed":["gauge"]}"#
            )
            var radio = EquipmentInput(unitID: world.unitB)
            radio.kind = "radio"
            radio.label = "Bộ đàm số 3"
            let officerB = EquipmentUpkeepTests.principal(
                world.gate,
                "antt_b",
                unit: world.unitB,
                area: world.gate.province.communeB.path
            )
            let lost = try await EquipmentRegistry.create(radio, by: officerB, on: app)
            lost.status = EquipmentStatus.lost.rawValue
            try await lost.save(on: app.db)
            // when: 21 days on (the checks were due in 10, the permit ended in 5, the action in 7), the night's job
            clock.advance(by: 21 * 86_400)
            try await UpkeepReminders.run(app: app, now: clock.now())
            let province = try await api(app, .GET, "/api/v1/equipment/upkeep/oversight", token: world.token("ca_tinh"))
            let other = try await api(app, .GET, "/api/v1/equipment/upkeep/oversight", token: world.token("ca_khac"))
            let head = try await api(app, .GET, "/api/v1/equipment/upkeep/oversight", token: world.token("tt_a"))
            let guardA = try await api(app, .GET, "/api/v1/equipment/upkeep/oversight", token: world.token("bv_a"))
            // then
            #expect(province.status == .ok, "\(province.text)")
            let body = try province.json(PageBody.self)
            #expect(body.unitsWithProblems == 2 && !body.hasMore)
            let unitA = try #require(body.units.first { $0.unitId == world.unitA })
            #expect(unitA.overdueChecks == 1, "the baton's check (the extinguisher's was checked 21 days ago)")
            #expect(unitA.expiredPermits == 1 && unitA.overdueActions == 1 && unitA.lost == 0)
            let unitB = try #require(body.units.first { $0.unitId == world.unitB })
            #expect(unitB.overdueChecks == 1 && unitB.lost == 1)
            #expect(try other.json(PageBody.self).units.isEmpty)
            #expect(try head.json(PageBody.self).units.map(\.unitId) == [world.unitA])
            #expect(guardA.status == .forbidden)
            // the page, and the drill-down to unit A's overdue list
            var authority = try await EquipmentUpkeepPagesTests.browser(app, "ca_tinh")
            let page = try await authority.get(SiteURL.equipmentUpkeep(.oversight).path)
            #expect(page.status == .ok && page.text.contains(world.gate.province.unitA.name), "\(page.text)")
            let drill = "?window=overdue&amp;unit=\(world.unitA.uuidString.lowercased())"
            #expect(page.text.contains(drill))
            let list = try await authority.get(
                SiteURL.equipmentUpkeep(.list).path + "?window=overdue&unit=\(world.unitA.uuidString.lowercased())"
            )
            #expect(list.status == .ok && list.text.contains("Dùi cui số 1") && list.text.contains("Hết hạn giấy phép"))
            var otherProvince = try await EquipmentUpkeepPagesTests.browser(app, "ca_khac")
            let crossed = try await otherProvince.get(
                SiteURL.equipmentUpkeep(.list).path + "?unit=\(world.unitA.uuidString.lowercased())"
            )
            #expect(crossed.status == .notFound)
        }
    }
}
