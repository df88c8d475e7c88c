import AnToanCore
import Foundation
import Plot

/// A unit's days off in a year: its weekly rest days, which its managers may change, and the holidays with the
/// compensatory days those rest days give it.
enum UnitDaysOffPage {
    struct Model {
        var unitID: UUID
        var unitName: String
        var year: Int
        var rest: WeeklyRest
        /// False while the standard for the unit's kind applies.
        var chosen: Bool
        var standard: WeeklyRest
        var days: [Holiday]
        var canEdit: Bool
        var errors = FieldChecker()
    }

    static func view(_ model: Model, _ context: PageContext) -> any Component {
        let lang = context.lang
        let url = SiteURL.unitDaysOff(model.unitID).path
        return Div {
            H1(
                lang(
                    "Ngày nghỉ của \(model.unitName) năm \(model.year)",
                    "Days off of \(model.unitName), \(model.year)"
                )
            )
            Paragraph {
                Text(lang("Nghỉ hằng tuần: ", "Weekly rest: "))
                Span(lang(model.rest.nameVi, model.rest.nameEn)).class("who")
                Text(model.chosen ? "" : lang(" (theo loại đơn vị)", " (the standard for the unit's kind)"))
            }
            Paragraph(
                lang(
                    "Ngày lễ, Tết trùng ngày nghỉ hằng tuần thì được nghỉ bù vào ngày làm việc kế tiếp (Bộ luật Lao "
                        + "động 2019, Điều 111–112). Lịch trực tính cuối tuần theo các ngày nghỉ này.",
                    "A holiday on a weekly rest day is made up on the next working day (Labour Code 2019, Articles "
                        + "111–112). Rosters treat these rest days as the weekend."
                )
            )
            .class("muted")
            if model.canEdit {
                PostForm(url: .unitDaysOff(model.unitID), csrf: context.csrf, class: "card") {
                    SelectField(
                        name: "weekly_rest",
                        label: lang("Ngày nghỉ hằng tuần", "Weekly rest days"),
                        options: [
                            (
                                "",
                                lang(
                                    "Theo loại đơn vị (\(model.standard.nameVi))",
                                    "The standard for the unit's kind (\(model.standard.nameEn))"
                                )
                            )
                        ] + WeeklyRest.allCases.map { ($0.rawValue, lang($0.nameVi, $0.nameEn)) },
                        selected: model.chosen ? model.rest.rawValue : "",
                        error: model.errors.message(for: "weekly_rest", lang)
                    )
                    Button(lang("Lưu", "Save")).attribute(named: "type", value: "submit")
                }
            }
            Div {
                if model.year > 1900 { Link("← \(model.year - 1)", url: "\(url)?year=\(model.year - 1)") }
                if model.year < 2199 { Link("\(model.year + 1) →", url: "\(url)?year=\(model.year + 1)") }
            }
            .class("pager")
            DataTable(headers: [
                lang("Ngày", "Date"), lang("Thứ", "Weekday"), lang("Tên", "Name"), lang("Loại", "Kind"),
            ]) {
                for day in model.days {
                    El("tr") {
                        TableCell { DateLabel(day.date, lang) }
                        TableCell(DateLabel.weekday(day.date, lang))
                        TableCell(day.nameVi)
                        TableCell(kind(day.kind, lang))
                    }
                }
            }
            if model.days.isEmpty {
                Paragraph {
                    Text(lang("Chưa có ngày nghỉ nào của năm \(model.year). ", "No days off for \(model.year) yet. "))
                    Link(
                        lang("Xem lịch nghỉ lễ của năm", "See the year's public holidays"),
                        url: SiteURL.holidayYear(model.year).path
                    )
                }
                .class("muted")
            }
        }
    }

    private static func kind(_ kind: Holiday.Kind, _ lang: Language) -> String {
        switch kind {
        case .statutory: lang("Nghỉ lễ, Tết", "Public holiday")
        case .compensatory: lang("Nghỉ bù", "Compensatory")
        case .custom: lang("Bổ sung", "Added")
        case .anniversary: lang("Ngày kỷ niệm", "Anniversary")
        }
    }
}
