/// Extra people on night shifts at a unit's main post because of its key-target profile (mục tiêu trọng điểm).
///
/// Kept as data so a province can change it; each flag the unit holds adds its uplift (a bank that also keeps
/// weapons guards the vault and the armoury). Night = the shift touches 22:00–06:00.
public struct KeyTargetUplift: Codable, Sendable, Hashable {
    public var flag: KeyTargetFlag
    public var night: StaffCount

    public init(flag: KeyTargetFlag, night: StaffCount) {
        self.flag = flag
        self.night = night
    }

    /// One more officer or guard on each night shift for units that keep weapons or support tools (Luật Dân
    /// quân tự vệ 2019 Điều 21.4.d), banks, treasuries and credit funds (reinforced protection, Hà Nội
    /// CV 4152/UBND-NC 2019) and holders of state secrets. Industrial-zone and foreign-investment flags add
    /// nothing by default: their risks (strikes, gatherings) are met by peak periods.
    public static let standard: [KeyTargetUplift] = [
        KeyTargetUplift(flag: .holdsWeapons, night: StaffCount(officers: 1)),
        KeyTargetUplift(flag: .bankTreasury, night: StaffCount(officers: 1)),
        KeyTargetUplift(flag: .stateSecrets, night: StaffCount(officers: 1)),
    ]

    /// The summed night uplift for a unit holding `flags`.
    static func night(for flags: Set<KeyTargetFlag>, rules: [KeyTargetUplift]) -> StaffCount {
        rules.filter { flags.contains($0.flag) }.reduce(StaffCount.zero) { $0 + $1.night }
    }
}
