import AnToanCore
import Foundation
import Testing

/// A way to break a valid instance and the field the error must name.
struct BadInstanceCase: Sendable, CustomTestStringConvertible {
    let field: String
    let breakIt: @Sendable (inout RosterInstance) -> Void

    var testDescription: String { field }
}

@Suite("Roster instance validation")
struct RosterValidationTests {
    static let valid = RosterFixtures.instance(
        days: 7,
        staff: [RosterStaff(id: "l1", role: "leader"), RosterStaff(id: "o1", role: "officer")],
        demand: [RosterDemand(shift: "D", leader: 1, officer: 1)]
    )

    static let cases: [BadInstanceCase] = [
        BadInstanceCase(field: "days") { $0.days = 0 },
        BadInstanceCase(field: "days") { $0.days = 367 },
        BadInstanceCase(field: "start") { $0.start = "2027-02-30" },
        BadInstanceCase(field: "shifts[0].hours") { $0.shifts[0].hours = 0 },
        BadInstanceCase(field: "shifts[1].hours") { $0.shifts[1].hours = 25 },
        BadInstanceCase(field: "shifts[0].hours") { $0.shifts[0].hours = 1e300 },
        BadInstanceCase(field: "shifts[0].start") { $0.shifts[0].start = "25:00" },
        BadInstanceCase(field: "shifts[1].id") { $0.shifts[1].id = "D" },
        BadInstanceCase(field: "shifts[2]") {
            $0.shifts.append(RosterShift(id: "E", start: "15:00", hours: 8))
            $0.demand.append(RosterDemand(shift: "E", officer: 1))
        },
        BadInstanceCase(field: "demand[0].date") { $0.demand[0].date = "2027-04-01" },
        BadInstanceCase(field: "demand[0].shift") { $0.demand[0].shift = "Z" },
        BadInstanceCase(field: "demand[0].officer") { $0.demand[0].officer = -1 },
        BadInstanceCase(field: "demand[0].leader") { $0.demand[0].leader = 200_000 },
        BadInstanceCase(field: "demand[0].post") { $0.demand[0].post = "roof" },
        BadInstanceCase(field: "demand[1]") { $0.demand.append($0.demand[0]) },
        BadInstanceCase(field: "staff[0].role") { $0.staff[0].role = "captain" },
        BadInstanceCase(field: "staff[1].id") { $0.staff[1].id = "l1" },
        BadInstanceCase(field: "staff[1].unavailable[0]") { $0.staff[1].unavailable = ["01/03/2027"] },
        BadInstanceCase(field: "rules.minRestHours") { $0.rules = RosterRules(minRestHours: 8) },
        BadInstanceCase(field: "rules.weeklyRestHours") { $0.rules = RosterRules(weeklyRestHours: 20) },
        BadInstanceCase(field: "rules.maxConsecutiveNights") { $0.rules = RosterRules(maxConsecutiveNights: 0) },
        BadInstanceCase(field: "preferences[0].staff") { $0.preferences = [RosterPreference(staff: "nobody")] },
        BadInstanceCase(field: "history[0].night") { $0.history = [RosterHistory(staff: "o1", night: -2)] },
    ]

    @Test("a bad instance throws RosterError naming the field", arguments: cases)
    func rejects(_ example: BadInstanceCase) {
        var instance = Self.valid
        example.breakIt(&instance)
        #expect {
            try RosterSolver.solve(instance, seed: 1, timeLimit: .seconds(1))
        } throws: { error in
            guard let error = error as? RosterError else { return false }
            return error.field == example.field && error.englishMessage.contains("Field `\(example.field)`")
                && error.vietnameseMessage.contains("Trường `\(example.field)`")
        }
    }

    @Test("the valid base instance is accepted")
    func acceptsValid() throws {
        try RosterSolver.validate(Self.valid)
    }

    @Test("raising the legal limits is allowed")
    func stricterRulesAllowed() throws {
        var instance = Self.valid
        instance.rules = RosterRules(minRestHours: 16, weeklyRestHours: 36, maxConsecutiveNights: 2)
        try RosterSolver.validate(instance)
    }

    @Test("malformed JSON names the field in both languages")
    func malformedJSON() {
        let data = Data(#"{"start":"2027-02-01","days":"thirty","shifts":[],"staff":[],"demand":[]}"#.utf8)
        #expect {
            try RosterJSON.decodeInstance(from: data)
        } throws: { error in
            guard let error = error as? RosterError else { return false }
            return error.field == "days" && error.description.contains("Trường `days`")
        }
    }
}
