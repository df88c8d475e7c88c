/// Duty posts for a demo unit, sized to its people so that a generated roster fills every seat, holidays and a
/// one-officer peak uplift included: a 24-hour duty at headquarters with one leader (and an officer on days off
/// when there are enough), and a guarded gate — 3 × 8 h for a large guard force, 2 × 12 h for a middling one,
/// a night watch only for a small one (its staff are on the premises by day), none when the key-target officer
/// on the 24-hour duty is all the unit can spare.
public enum DemoDutySetup {
    public static func posts(
        officers: Int,
        keyTargets: Set<KeyTargetFlag>,
        headquarters: String,
        gate: String
    ) -> [DutyPost] {
        // A key target keeps officers on the 24-hour duty every day (`KeyTargetUplift`); each one ties up about
        // four people a week, who cannot guard the gate.
        let guards = officers - 4 * KeyTargetUplift.night(for: keyTargets, rules: KeyTargetUplift.standard).officers
        let onDaysOff = StaffCount(leaders: 1, officers: guards >= 10 ? 1 : 0)
        let duty = DutyPost(
            id: "TB",
            name: "Trực ban – \(headquarters)",
            pattern: .fullDay,
            requirements: [ShiftRequirement(shift: "T", working: StaffCount(leaders: 1), weekend: onDaysOff)]
        )
        let one = StaffCount(officers: 1)
        let requirements: [ShiftRequirement]
        let pattern: ShiftPattern
        switch guards {
        case 14...:
            pattern = .threeShifts
            requirements = [
                ShiftRequirement(shift: "C1", working: one),
                ShiftRequirement(shift: "C2", working: one),
                ShiftRequirement(shift: "C3", working: one, holiday: StaffCount(officers: 2)),
            ]
        case 3...:
            pattern = .twoShifts
            requirements = [
                ShiftRequirement(shift: "D", working: guards >= 8 ? one : .zero),
                ShiftRequirement(shift: "N", working: one),
            ]
        default:
            return [duty]
        }
        return [duty, DutyPost(id: "CONG", name: "Bảo vệ \(gate)", pattern: pattern, requirements: requirements)]
    }

    /// A set-up left short on purpose: every 24-hour duty asks for one leader more than the unit has, so a
    /// leader seat stays open every day.
    public static func moreLeaders(than leaders: Int, headquarters: String) -> [DutyPost] {
        [
            DutyPost(
                id: "TB",
                name: "Trực ban – \(headquarters)",
                pattern: .fullDay,
                requirements: [ShiftRequirement(shift: "T", working: StaffCount(leaders: leaders + 1))]
            )
        ]
    }
}
