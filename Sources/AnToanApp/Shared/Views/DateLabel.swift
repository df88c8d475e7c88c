import AnToanCore
import Foundation
import Plot

/// A day as duty pages show it, its lunar date beside it — "06/02/2027 (1/1 âm)" — in a `<time>` element that
/// carries the ISO date. The one way a duty page prints a date; the text is `VietnamTime.dayWithLunar`.
struct DateLabel: PlainComponent {
    var iso: String
    var lang: Language
    var time: String?

    init(_ day: SolarDate, _ lang: Language) {
        self.init(iso: day.iso, lang)
    }

    /// A stored `yyyy-MM-dd`; anything else is shown as it is.
    init(iso: String, _ lang: Language) {
        self.iso = iso
        self.lang = lang
    }

    /// An instant, as its day and time in Vietnam: "22/11/2026 20:05 (14/10 âm)".
    init(at instant: Date, _ lang: Language) {
        self.init(iso: VietnamTime.day(of: instant).iso, lang)
        time = VietnamTime.time(instant)
    }

    var body: any Component {
        let text = SolarDate(iso: iso).map { VietnamTime.dayWithLunar($0, lang, time: time) } ?? iso
        return El("time", ["datetime": iso, "class": "day"]) { Text(text) }
    }

    /// "Thứ Hai" … "Chủ nhật", or "Monday" … "Sunday".
    static func weekday(_ day: SolarDate, _ lang: Language) -> String {
        lang(day.weekday.nameVi, "\(day.weekday)".capitalized)
    }
}
