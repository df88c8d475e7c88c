extension LunarCalendar {
    public static let csvHeader = "solar,lunar_day,lunar_month,leap,lunar_year"

    /// Lines for `antoan calendar lunar --from A --to B --csv`: the header, then one row per day from
    /// `from` through `to` inclusive, e.g. "2025-08-19,26,6,1,2025". An empty range yields only the header.
    public static func csvLines(from: SolarDate, to: SolarDate) throws(CalendarError) -> [String] {
        var lines = [csvHeader]
        guard from <= to else { return lines }
        lines.reserveCapacity(from.days(to: to) + 2)
        var day = from
        while day <= to {
            let date = try lunar(from: day)
            lines.append("\(day.iso),\(date.day),\(date.month),\(date.isLeapMonth ? 1 : 0),\(date.year)")
            day = day.adding(days: 1)
        }
        return lines
    }
}
