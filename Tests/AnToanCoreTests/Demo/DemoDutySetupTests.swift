import AnToanCore
import Testing

@Suite("Demo duty set-ups")
struct DemoDutySetupTests {
    static func posts(_ officers: Int, _ flags: Set<KeyTargetFlag> = []) -> [DutyPost] {
        DemoDutySetup.posts(officers: officers, keyTargets: flags, headquarters: "Trụ sở chính", gate: "Cổng chính")
    }

    @Test("the gate is guarded as the unit's officers allow, after a key target's officers on the 24-hour duty")
    func sizing() throws {
        #expect(Self.posts(20).map(\.pattern.kind) == [.fullDay, .threeShifts])
        #expect(Self.posts(9).map(\.pattern.kind) == [.fullDay, .twoShifts])
        // Four officers for a bank's 24-hour duty leave five: a night watch only, and no officer on days off.
        let bank = Self.posts(9, [.bankTreasury])
        #expect(bank.last?.requirements.map(\.working.officers) == [0, 1])
        #expect(bank.first?.requirements.first?.count(on: .holiday) == StaffCount(leaders: 1))
        #expect(Self.posts(6, [.bankTreasury, .holdsWeapons]).map(\.id) == ["TB"])
        for posts in [Self.posts(20), Self.posts(9), bank, Self.posts(2)] {
            try DutyRosterBuilder.validate(posts)
            #expect(posts.first?.requirements.first?.working == StaffCount(leaders: 1))
        }
    }

    @Test("the unit left short asks for one leader more than it has")
    func short() throws {
        let posts = DemoDutySetup.moreLeaders(than: 2, headquarters: "Trụ sở chính")
        try DutyRosterBuilder.validate(posts)
        #expect(posts.first?.requirements.first?.working == StaffCount(leaders: 3))
    }
}
