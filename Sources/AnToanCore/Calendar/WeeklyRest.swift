/// A unit's weekly rest days (Bộ luật Lao động 2019, Điều 111): Sunday only, or Saturday and Sunday.
public enum WeeklyRest: String, Codable, Sendable, CaseIterable {
    case sunday = "sun"
    case saturdayAndSunday = "sat_sun"

    public var days: Set<Weekday> {
        switch self {
        case .sunday: [.sunday]
        case .saturdayAndSunday: [.saturday, .sunday]
        }
    }

    /// When a unit has not said: Saturday and Sunday for state agencies and schools (the civil service's five-day
    /// week), Sunday for everyone else (Điều 111.2 leaves the day to the employer; Sunday is the common choice).
    public static func standard(for kind: UnitKind?) -> WeeklyRest {
        switch kind {
        case .agency, .school: .saturdayAndSunday
        default: .sunday
        }
    }

    public var nameVi: String {
        switch self {
        case .sunday: "Chỉ Chủ nhật"
        case .saturdayAndSunday: "Thứ Bảy và Chủ nhật"
        }
    }

    public var nameEn: String {
        switch self {
        case .sunday: "Sunday only"
        case .saturdayAndSunday: "Saturday and Sunday"
        }
    }
}

extension HolidayCalendar {
    /// A unit's days off from a year's schedule: its statutory and custom days as they are, and the compensatory
    /// days worked out again for the unit's weekly rest days (Điều 111.3: a holiday on a weekly rest day is made up
    /// on the next working day), so that an agency resting on Saturdays gets Monday 03/05/2027 for 01/05/2027 and
    /// a unit resting on Sundays only does not. The schedule's own compensatory days, computed for one rest pattern,
    /// are replaced. A day that carries two holidays ("A · B", as Giỗ Tổ on 30/4) owes one more day for each name
    /// after the first.
    public static func daysOff(schedule: [Holiday], weeklyRestDays: Set<Weekday>) -> [Holiday] {
        let kept = schedule.filter { $0.kind != .compensatory && $0.kind != .anniversary }
        let statutory = kept.filter { $0.kind == .statutory }
        var shared: [Holiday] = []
        for day in statutory {
            let names = zip(day.nameVi.components(separatedBy: " · "), day.nameEn.components(separatedBy: " · "))
            for (vi, en) in names.dropFirst() {
                shared.append(Holiday(date: day.date, nameVi: vi, nameEn: en, kind: .statutory))
            }
        }
        let madeUp = compensatoryDays(
            for: statutory,
            weeklyRestDays: weeklyRestDays,
            alsoFor: shared,
            besides: kept.filter { $0.kind != .statutory }
        )
        return (kept + madeUp).sorted { $0.date < $1.date }
    }
}
