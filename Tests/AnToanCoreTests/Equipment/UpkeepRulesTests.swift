import AnToanCore
import Testing

@Suite("Equipment upkeep: schedules within the legal floor, due dates, reminders, checklists")
struct UpkeepRulesTests {
    @Test("an extinguisher is checked every 30 days and maintained yearly at most (TCVN 7435-2), hydro-tested by type")
    func extinguisherSchedules() {
        for kind in EquipmentKind.allCases where kind.isExtinguisher {
            #expect(UpkeepRules.upkeeps(for: kind) == [.check, .maintenance, .hydrostaticTest])
            #expect(UpkeepRules.defaultInterval(kind, .check) == 30)
            #expect(UpkeepRules.legalMaximum(kind, .check) == 30)
            #expect(UpkeepRules.defaultInterval(kind, .maintenance) == 365)
            #expect(UpkeepRules.legalMaximum(kind, .maintenance) == 365)
            #expect(UpkeepRules.defaultInterval(kind, .hydrostaticTest) == 1_825)
            #expect(UpkeepRules.legalMaximum(kind, .hydrostaticTest) == nil, "not confirmed: no legal floor enforced")
        }
        #expect(UpkeepRules.upkeeps(for: .radio).isEmpty)
        #expect(UpkeepRules.upkeeps(for: .cartridges) == [.check])
        #expect(UpkeepRules.defaultInterval(.rubberBaton, .maintenance) == 180)
        #expect(UpkeepRules.legalMaximum(.rubberBaton, .maintenance) == nil)
    }

    @Test("a shorter interval is allowed; a longer one only where the law is silent, else refused naming the basis")
    func intervals() {
        #expect(UpkeepRules.check(interval: 14, .powderExtinguisher, .check) == nil)
        #expect(
            UpkeepRules.check(interval: 45, .powderExtinguisher, .check)
                == .beyondLegal(maximum: 30, basis: "TCVN 7435-2:2004 mục 4.2.1")
        )
        #expect(UpkeepRules.check(interval: 400, .co2Extinguisher, .maintenance)?.vi.contains("365 ngày") == true)
        #expect(UpkeepRules.check(interval: 365, .rubberBaton, .maintenance) == nil, "a manufacturer's interval")
        #expect(UpkeepRules.check(interval: 0, .hydrant, .check) == .tooShort)
        #expect(UpkeepRules.check(interval: 5_000, .hydrant, .check) == .tooLong(maximum: 3_650))
        #expect(UpkeepRules.check(interval: 30, .radio, .check) == .notScheduled)
        #expect(UpkeepRules.check(interval: 30, .pistol, .permitExpiry) == .notScheduled)
    }

    @Test("the due date is the last time done, else the day in service, plus the interval")
    func due() {
        let start = SolarDate(year: 2026, month: 1, day: 10)!
        #expect(UpkeepRules.due(lastDone: nil, start: start, interval: 30) == SolarDate(year: 2026, month: 2, day: 9))
        let last = SolarDate(year: 2026, month: 3, day: 1)!
        #expect(UpkeepRules.due(lastDone: last, start: start, interval: 30) == SolarDate(year: 2026, month: 3, day: 31))
    }

    @Test("a reminder 7 days before, another on the day; overdue only after it")
    func reminders() {
        let due = SolarDate(year: 2026, month: 12, day: 20)!
        #expect(UpkeepRules.stage(due: due, today: due.adding(days: -8)) == nil)
        #expect(UpkeepRules.stage(due: due, today: due.adding(days: -7)) == .soon)
        #expect(UpkeepRules.stage(due: due, today: due.adding(days: -1)) == .soon)
        #expect(UpkeepRules.stage(due: due, today: due) == .due)
        #expect(UpkeepRules.stage(due: due, today: due.adding(days: 3)) == .due)
        #expect(!UpkeepRules.isOverdue(due: due, today: due))
        #expect(UpkeepRules.isOverdue(due: due, today: due.adding(days: 1)))
    }

    @Test("an extinguisher's checklist: in place, visible, seal, gauge, no damage; every kind has one")
    func checklists() {
        #expect(
            UpkeepRules.checklist(for: .powderExtinguisher).map(\.key)
                == ["in_place", "visible", "seal", "gauge", "no_damage"]
        )
        for kind in EquipmentKind.allCases {
            let points = UpkeepRules.checklist(for: kind)
            #expect(!points.isEmpty)
            #expect(Set(points.map(\.key)).count == points.count)
        }
    }
}
