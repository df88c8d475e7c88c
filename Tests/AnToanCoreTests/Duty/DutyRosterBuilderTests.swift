import AnToanCore
import Testing

@Suite("Duty roster builder")
struct DutyRosterBuilderTests {
    @Test("weekends and holidays get dated demand; working days use the every-day entry")
    func datedDemand() throws {
        // given no peak period
        let instance = try DutyRosterBuilder.instance(DutyFixtures.input(peaks: []))
        // then the every-day entries carry the working-day counts
        #expect(instance.demand.filter { $0.date == nil }.count == 5)
        #expect(DutyFixtures.need(instance, "2027-02-02", "D", at: "hq") == StaffCount(leaders: 1, officers: 1))
        // the gate's night shift doubles on weekends (Saturday 13/02) and so on holidays (fallback)
        #expect(DutyFixtures.need(instance, "2027-02-13", "C3", at: "gate") == StaffCount(officers: 2))
        #expect(DutyFixtures.need(instance, "2027-02-08", "C3", at: "gate") == StaffCount(officers: 2))
        // the day shift at headquarters takes its holiday count on the Tết days (05/02–10/02)
        #expect(DutyFixtures.need(instance, "2027-02-05", "D", at: "hq") == StaffCount(leaders: 1, officers: 2))
        #expect(DutyFixtures.need(instance, "2027-02-13", "D", at: "hq") == StaffCount(leaders: 1, officers: 1))
        #expect(
            instance.holidays == ["2027-02-05", "2027-02-06", "2027-02-07", "2027-02-08", "2027-02-09", "2027-02-10"]
        )
        #expect(instance.shifts.map(\.id) == ["D", "N", "C1", "C2", "C3"])
    }

    @Test("a peak period raises demand only inside its dates")
    func peakOnlyInsideItsDates() throws {
        let instance = try DutyRosterBuilder.instance(DutyFixtures.input())
        // before the peak (Tuesday 02/02): working day
        #expect(DutyFixtures.need(instance, "2027-02-02", "N", at: "hq") == StaffCount(leaders: 1, officers: 1))
        // first peak day, a Wednesday: the peak falls back to the holiday count, plus one leader and one officer
        #expect(DutyFixtures.need(instance, "2027-02-03", "D", at: "hq") == StaffCount(leaders: 2, officers: 3))
        #expect(DutyFixtures.need(instance, "2027-02-03", "N", at: "hq") == StaffCount(leaders: 2, officers: 2))
        // last peak day, then the Saturday after it
        #expect(DutyFixtures.need(instance, "2027-02-12", "C1", at: "gate") == StaffCount(officers: 2))
        #expect(DutyFixtures.need(instance, "2027-02-13", "C1", at: "gate") == StaffCount(officers: 1))
        // the uplift never gives a post a leader seat it does not have
        #expect(DutyFixtures.need(instance, "2027-02-07", "C3", at: "gate") == StaffCount(officers: 3))
    }

    @Test("a peak period applies only to units in its area")
    func peakOnlyInsideItsArea() throws {
        let elsewhere = DutyFixtures.unit(in: DutyFixtures.otherProvince)
        let inside = try DutyRosterBuilder.instance(DutyFixtures.input())
        let outside = try DutyRosterBuilder.instance(DutyFixtures.input(unit: elsewhere))
        let without = try DutyRosterBuilder.instance(DutyFixtures.input(peaks: []))
        #expect(DutyFixtures.need(inside, "2027-02-04", "N", at: "hq") == StaffCount(leaders: 2, officers: 2))
        #expect(DutyFixtures.need(outside, "2027-02-04", "N", at: "hq") == StaffCount(leaders: 1, officers: 1))
        #expect(outside.demand == without.demand)
    }

    @Test("overlapping peak periods give the largest uplift, not the sum")
    func overlappingPeaks() throws {
        var communeTet = DutyFixtures.tet
        communeTet.area = DutyFixtures.commune
        communeTet.uplift = StaffCount(officers: 2)
        let instance = try DutyRosterBuilder.instance(DutyFixtures.input(peaks: [DutyFixtures.tet, communeTet]))
        #expect(DutyFixtures.need(instance, "2027-02-04", "N", at: "hq") == StaffCount(leaders: 2, officers: 3))
    }

    @Test("a key-target unit gets one more officer per flag on night shifts at its main post")
    func keyTargets() throws {
        func nights(_ flags: Set<KeyTargetFlag>) throws -> (StaffCount?, StaffCount?, StaffCount?) {
            let input = DutyFixtures.input(unit: DutyFixtures.unit(keyTargets: flags), peaks: [])
            let instance = try DutyRosterBuilder.instance(input)
            return (
                DutyFixtures.need(instance, "2027-02-02", "N", at: "hq"),
                DutyFixtures.need(instance, "2027-02-02", "D", at: "hq"),
                DutyFixtures.need(instance, "2027-02-02", "C3", at: "gate")
            )
        }
        let plain = try nights([])
        let weapons = try nights([.holdsWeapons])
        #expect(weapons.0 == StaffCount(leaders: 1, officers: 2))
        #expect(weapons.1 == plain.1 && weapons.2 == plain.2)
        #expect(try nights([.holdsWeapons, .bankTreasury]).0 == StaffCount(leaders: 1, officers: 3))
        #expect(try nights([.industrialZone]).0 == plain.0)
    }

    @Test("the built instance solves with no hard violations and full cover")
    func solves() throws {
        let instance = try DutyRosterBuilder.instance(
            DutyFixtures.input(unit: DutyFixtures.unit(keyTargets: [.stateSecrets]))
        )
        let report = try RosterSolver.solve(instance, seed: instance.seed ?? 1, timeLimit: .seconds(20)).report
        #expect(report.hardViolations.isEmpty)
        #expect(report.openSlots.isEmpty)
        #expect(report.coverage.required > 28 * 5)
    }

    static let wholeDay = ShiftRequirement(shift: "T", working: StaffCount(officers: 1))

    @Test(
        "a bad set-up is refused naming the post and shift",
        arguments: [
            (
                [DutyPost(id: "hq", pattern: .twoShifts, requirements: [])],
                DutyPlanError.missingRequirement(post: "hq", shift: "D")
            ),
            (
                [DutyPost(id: "hq", pattern: .fullDay, requirements: [ShiftRequirement(shift: "D", working: .zero)])],
                .unknownShift(post: "hq", shift: "D")
            ),
            (
                [
                    DutyPost(
                        id: "hq",
                        pattern: .fullDay,
                        requirements: [ShiftRequirement(shift: "T", working: .zero, peak: StaffCount(officers: -1))]
                    )
                ],
                .negativeCount(post: "hq", shift: "T", kind: .peak)
            ),
            (
                [DutyPost(id: "hq", pattern: .fullDay, requirements: [wholeDay, wholeDay])],
                .duplicateRequirement(post: "hq", shift: "T")
            ),
            (
                [
                    DutyPost(id: "hq", pattern: .fullDay, requirements: [wholeDay]),
                    DutyPost(id: "hq", pattern: .fullDay, requirements: [wholeDay]),
                ],
                .duplicatePost(post: "hq")
            ),
            ([DutyPost(id: "", pattern: .fullDay, requirements: [wholeDay])], .emptyPostIdentifier(position: 1)),
        ] as [([DutyPost], DutyPlanError)]
    )
    func rejectsBadPosts(posts: [DutyPost], error: DutyPlanError) {
        let unit = DutyUnit(area: DutyFixtures.commune, posts: posts)
        #expect(throws: error) { try DutyRosterBuilder.instance(DutyFixtures.input(unit: unit)) }
    }

    @Test("two posts may not give one shift id different hours")
    func conflictingShiftIds() throws {
        var unit = DutyFixtures.unit()
        let early = try ShiftPattern.custom([
            DutyShift(id: "D", start: "06:00", hours: 12), DutyShift(id: "N", start: "18:00", hours: 12),
        ])
        unit.posts[1] = DutyPost(
            id: "gate",
            pattern: early,
            requirements: [ShiftRequirement(shift: "D", working: .zero), ShiftRequirement(shift: "N", working: .zero)]
        )
        #expect(throws: DutyPlanError.conflictingShift(shift: "D", post: "gate", otherPost: "hq")) {
            try DutyRosterBuilder.instance(DutyFixtures.input(unit: unit))
        }
    }

    @Test("bad peaks, staff and periods are refused with the cause")
    func otherErrors() {
        var backwards = DutyFixtures.tet
        backwards.to = DutyFixtures.start
        #expect(throws: DutyPlanError.peakEndsBeforeStart(peak: "Cao điểm Tết Đinh Mùi")) {
            try DutyRosterBuilder.instance(DutyFixtures.input(peaks: [backwards]))
        }
        var input = DutyFixtures.input()
        input.staff[0].posts = ["roof"]
        #expect(throws: DutyPlanError.instance(.unknownPost(field: "staff[0].posts[0]", id: "roof"))) {
            try DutyRosterBuilder.instance(input)
        }
        #expect(throws: DutyPlanError.instance(.invalidDays(field: "days", value: 0))) {
            try DutyRosterBuilder.instance(DutyFixtures.input(days: 0))
        }
        #expect(throws: DutyPlanError.noPosts) {
            try DutyRosterBuilder.instance(DutyFixtures.input(unit: DutyUnit(area: DutyFixtures.commune, posts: [])))
        }
    }

    @Test("plan errors speak Vietnamese first")
    func messages() {
        let error = DutyPlanError.pattern(post: "gate", .overlap(shift: "B", other: "A"))
        #expect(
            error.description
                == "Chốt `gate`: Ca `B` trùng giờ với ca `A`. / Post `gate`: Shift `B` overlaps shift `A`."
        )
    }
}
