/// A peak period (đợt cao điểm) an authority declares for its area, e.g. Tết Nguyên đán or 2/9.
///
/// Every unit whose area path lies under `area` needs `uplift` more people on each shift of each of its posts,
/// every day from `from` to `to` inclusive, added only to a role the shift already needs (a post without a
/// leader seat does not get one). Uplifts are absolute counts, not percentages, so an authority can say
/// "one more leader on every shift" exactly. When several periods cover one day the largest uplift of each
/// role applies, because the same peak is usually declared by the province and again by the commune.
public struct PeakPeriod: Codable, Sendable, Equatable {
    public var area: AreaPath
    public var from: SolarDate
    public var to: SolarDate
    public var name: String
    public var uplift: StaffCount

    public init(area: AreaPath, from: SolarDate, to: SolarDate, name: String, uplift: StaffCount) {
        self.area = area
        self.from = from
        self.to = to
        self.name = name
        self.uplift = uplift
    }

    public func covers(_ date: SolarDate) -> Bool {
        from <= date && date <= to
    }

    /// True for units in this area or below it.
    public func applies(to unitArea: AreaPath) -> Bool {
        area.contains(unitArea)
    }

    /// The largest uplift of each role among the periods covering `date`.
    static func uplift(on date: SolarDate, among peaks: [PeakPeriod]) -> StaffCount {
        peaks.filter { $0.covers(date) }.reduce(StaffCount.zero) { largest, peak in
            StaffCount(
                leaders: max(largest.leaders, peak.uplift.leaders),
                officers: max(largest.officers, peak.uplift.officers)
            )
        }
    }
}
