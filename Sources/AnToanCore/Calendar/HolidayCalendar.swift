/// Proposed statutory holidays (Bộ luật Lao động 2019, Điều 112) and ANTT anniversaries for a year.
public enum HolidayCalendar {
    /// The computed proposal that seeds a year's editable holiday schedule; the Prime Minister's yearly
    /// decision (Tết days, the day next to 2/9, civil-service day swaps) may differ and overrides it.
    ///
    /// Lunar holidays are left out for years outside `LunarCalendar.supportedLunarYears`.
    /// `weeklyRestDays` defaults to Sunday only, the weekly rest day assumed for Điều 111.3.
    public static func proposedHolidays(year: Int, weeklyRestDays: Set<Weekday> = [.sunday]) -> [Holiday] {
        var days: [Holiday] = []
        func add(_ month: Int, _ day: Int, _ vi: String, _ en: String) {
            guard let date = SolarDate(year: year, month: month, day: day) else { return }
            days.append(Holiday(date: date, nameVi: vi, nameEn: en, kind: .statutory))
        }
        add(1, 1, "Tết Dương lịch", "New Year's Day")
        days += tetHolidays(year: year)
        if let hungKings = try? LunarCalendar.solar(from: LunarDate(year: year, month: 3, day: 10)) {
            days.append(
                Holiday(
                    date: hungKings,
                    nameVi: "Giỗ Tổ Hùng Vương (10/3 âm lịch)",
                    nameEn: "Hung Kings' Commemoration (10th day of lunar month 3)",
                    kind: .statutory
                )
            )
        }
        add(4, 30, "Ngày Chiến thắng (30/4)", "Reunification Day (30 April)")
        add(5, 1, "Ngày Quốc tế Lao động (1/5)", "International Labour Day (1 May)")
        add(9, 2, "Quốc khánh (2/9)", "National Day (2 September)")
        if let adjacent = nationalDayAdjacentDay(year: year) {
            add(9, adjacent.day, "Quốc khánh (ngày liền kề 2/9)", "National Day (day adjacent to 2 September)")
        }
        days.sort { $0.date < $1.date }
        // Giỗ Tổ falls on 30/4 in 1917 and 1947: a schedule has one entry per day, so the day carries both names,
        // and the holiday it lost is made up like one that falls on a rest day.
        var merged: [Holiday] = []
        var shared: [Holiday] = []
        for day in days {
            if let last = merged.last, last.date == day.date {
                merged[merged.count - 1] = Holiday(
                    date: last.date,
                    nameVi: last.nameVi + " · " + day.nameVi,
                    nameEn: last.nameEn + " · " + day.nameEn,
                    kind: last.kind
                )
                shared.append(day)
            } else {
                merged.append(day)
            }
        }
        let madeUp = compensatoryDays(for: merged, weeklyRestDays: weeklyRestDays, alsoFor: shared)
        return (merged + madeUp).sorted { $0.date < $1.date }
    }

    /// The second National Day holiday, 1/9 or 3/9 (Điều 112.3 leaves the choice to the Prime Minister).
    ///
    /// Proposal: the day that joins 2/9 to the weekend, as the decisions of 2021–2025 did —
    /// 3/9 when 2/9 is a Thursday (bridges to Friday) or a Monday (1/9 is then a Sunday), otherwise 1/9.
    public static func nationalDayAdjacentDay(year: Int) -> SolarDate? {
        guard let nationalDay = SolarDate(year: year, month: 9, day: 2) else { return nil }
        switch nationalDay.weekday {
        case .monday, .thursday: return nationalDay.adding(days: 1)
        default: return nationalDay.adding(days: -1)
        }
    }

    /// Tết Nguyên đán, 5 days (Điều 112.1.b); the exact days are decided yearly (Điều 112.3).
    ///
    /// Proposal: the eve (last day of lunar month 12, 29 or 30 tháng Chạp) plus mùng 1 to mùng 4,
    /// the split most recent decisions used so that families are home for the eve.
    static func tetHolidays(year: Int) -> [Holiday] {
        guard let newYear = try? LunarCalendar.solar(from: LunarDate(year: year, month: 1, day: 1)) else { return [] }
        let eve = newYear.adding(days: -1)
        let eveDay = (try? LunarCalendar.lunar(from: eve))?.day ?? 30
        var days = [
            Holiday(
                date: eve,
                nameVi: "Tết Nguyên đán (\(eveDay) tháng Chạp)",
                nameEn: "Lunar New Year (New Year's Eve, day \(eveDay) of lunar month 12)",
                kind: .statutory
            )
        ]
        for offset in 0..<4 {
            days.append(
                Holiday(
                    date: newYear.adding(days: offset),
                    nameVi: "Tết Nguyên đán (mùng \(offset + 1))",
                    nameEn: "Lunar New Year (day \(offset + 1))",
                    kind: .statutory
                )
            )
        }
        return days
    }

    /// Điều 111.3: a holiday on the weekly rest day is made up on the next working day, i.e. the next day
    /// that is neither a rest day, a holiday, nor already taken by an earlier compensatory day.
    /// `alsoFor`: holidays that share their day with another one and are made up too; `besides`: other days off
    /// (not made up) that a compensatory day cannot fall on.
    static func compensatoryDays(
        for holidays: [Holiday],
        weeklyRestDays: Set<Weekday>,
        alsoFor shared: [Holiday] = [],
        besides others: [Holiday] = []
    ) -> [Holiday] {
        guard weeklyRestDays.count < Weekday.allCases.count else { return [] }
        var taken = Set((holidays + others).map(\.date))
        var result: [Holiday] = []
        let owed = (holidays.filter { weeklyRestDays.contains($0.date.weekday) } + shared).sorted { $0.date < $1.date }
        for holiday in owed {
            var day = holiday.date.adding(days: 1)
            while weeklyRestDays.contains(day.weekday) || taken.contains(day) {
                day = day.adding(days: 1)
            }
            taken.insert(day)
            result.append(
                Holiday(
                    date: day,
                    nameVi: "Nghỉ bù \(holiday.nameVi)",
                    nameEn: "Compensatory day off for \(holiday.nameEn)",
                    kind: .compensatory
                )
            )
        }
        return result
    }
}
