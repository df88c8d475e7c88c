import AnToanCore
import Foundation
import Plot

/// A year's days off, each with its lunar date and weekday, whether they are confirmed, and the anniversaries
/// that drive peak plans; an administrator confirms the proposal or adds and removes days.
enum HolidaysPage {
    struct Day {
        var date: SolarDate
        var name: String
        /// statutory, compensatory or custom.
        var kind: String
    }

    /// The compensatory days of one weekly rest pattern (Điều 111.3), for the reader's unit when it has one.
    struct Compensatory {
        var rest: WeeklyRest
        var unitName: String?
        var unitID: UUID?
        var days: [Holiday]
    }

    struct Model {
        var year: Int
        /// The schedule's holidays and added days; compensatory days are in `compensatory`.
        var days: [Day]
        /// One pattern (the reader's unit's), or each pattern side by side.
        var compensatory: [Compensatory]
        var confirmed: Bool
        var anniversaries: [Holiday]
        var canEdit = false
        var failed: FormFailure?
    }

    static func view(_ model: Model, _ context: PageContext) -> any Component {
        let lang = context.lang
        return Div {
            H1(lang("Ngày nghỉ lễ năm \(model.year)", "Public holidays \(model.year)"))
            Div {
                if model.year > 1900 {
                    Link("← \(model.year - 1)", url: SiteURL.holidayYear(model.year - 1).path)
                }
                if model.year < 2199 {
                    Link("\(model.year + 1) →", url: SiteURL.holidayYear(model.year + 1).path)
                }
            }
            .class("pager")
            status(model, context)
            DataTable(
                headers: [lang("Ngày", "Date"), lang("Thứ", "Weekday"), lang("Tên", "Name"), lang("Loại", "Kind")]
                    + (model.canEdit ? [""] : [])
            ) {
                for day in model.days {
                    El("tr") {
                        TableCell { DateLabel(day.date, lang) }
                        TableCell(DateLabel.weekday(day.date, lang))
                        TableCell(day.name)
                        TableCell(kindText(day.kind, lang))
                        if model.canEdit {
                            TableCell {
                                PostForm(url: .holidayChange(model.year, .remove), csrf: context.csrf) {
                                    Input(type: .hidden, name: "date", value: day.date.iso)
                                    Button(lang("Bỏ ngày này", "Remove")).attribute(named: "type", value: "submit")
                                        .class("secondary")
                                }
                            }
                        }
                    }
                }
            }
            compensatory(model, lang)
            if model.canEdit {
                addForm(model, context)
            }
            H2(lang("Ngày kỷ niệm thường có cao điểm", "Anniversaries that usually bring a peak"))
            Paragraph(
                lang(
                    "Không phải ngày nghỉ; cơ quan quản lý khai báo đợt cao điểm ở trang Đợt cao điểm.",
                    "Not days off; an authority declares the peak period on the Peak periods page."
                )
            )
            .class("muted")
            DataTable(headers: [lang("Ngày", "Date"), lang("Thứ", "Weekday"), lang("Dịp", "Occasion")]) {
                for day in model.anniversaries {
                    El("tr") {
                        TableCell { DateLabel(day.date, lang) }
                        TableCell(DateLabel.weekday(day.date, lang))
                        TableCell(lang(day.nameVi, day.nameEn))
                    }
                }
            }
        }
    }

    private static func status(_ model: Model, _ context: PageContext) -> any Component {
        let lang = context.lang
        return Div {
            if model.confirmed {
                Paragraph(
                    lang("Lịch nghỉ năm \(model.year) đã được xác nhận.", "The \(model.year) days off are confirmed.")
                )
                .class("ok")
            } else {
                Paragraph(
                    lang(
                        "Đề xuất tính theo Bộ luật Lao động 2019 (Điều 111, 112) và âm lịch, chưa xác nhận: Thủ tướng "
                            + "quyết định cụ thể các ngày nghỉ Tết Nguyên đán và dịp 2/9 hằng năm.",
                        "Proposed from the Labour Code 2019 (Articles 111, 112) and the lunar calendar, not yet "
                            + "confirmed: the Prime Minister fixes the Tết days and the day next to 2/9 each year."
                    )
                )
                .class("muted")
                if model.canEdit {
                    PostForm(url: .holidayChange(model.year, .confirm), csrf: context.csrf) {
                        Button(lang("Xác nhận đề xuất", "Confirm the proposal"))
                            .attribute(named: "type", value: "submit")
                    }
                }
            }
        }
    }

    /// Điều 111.3: a holiday on a weekly rest day is made up on the next working day, so the compensatory days
    /// differ between units resting on Sunday only and on Saturday and Sunday.
    private static func compensatory(_ model: Model, _ lang: Language) -> any Component {
        Div {
            H2(lang("Ngày nghỉ bù", "Compensatory days off"))
            Paragraph(
                lang(
                    "Ngày lễ, Tết trùng ngày nghỉ hằng tuần thì được nghỉ bù vào ngày làm việc kế tiếp (Bộ luật Lao "
                        + "động 2019, Điều 111–112), nên ngày nghỉ bù tùy đơn vị nghỉ Chủ nhật hay Thứ Bảy và Chủ nhật.",
                    "A holiday on a weekly rest day is made up on the next working day (Labour Code 2019, Articles "
                        + "111–112), so the compensatory days depend on whether a unit rests on Sunday only or on "
                        + "Saturday and Sunday."
                )
            )
            .class("muted")
            Div {
                for column in model.compensatory {
                    Div {
                        if let name = column.unitName {
                            H3(lang("Ngày nghỉ bù của \(name)", "Compensatory days off of \(name)"))
                            Paragraph {
                                Text(lang("Nghỉ hằng tuần: ", "Weekly rest: "))
                                Span(lang(column.rest.nameVi, column.rest.nameEn)).class("who")
                                if let id = column.unitID {
                                    Text(" · ")
                                    Link(
                                        lang("Ngày nghỉ của đơn vị", "The unit's days off"),
                                        url: SiteURL.unitDaysOff(id).path
                                    )
                                }
                            }
                        } else {
                            H3(lang("Đơn vị nghỉ \(restWords(column.rest))", "Units resting on \(column.rest.nameEn)"))
                        }
                        if column.days.isEmpty {
                            Paragraph(lang("Không có ngày nghỉ bù.", "No compensatory days off.")).class("muted")
                        } else {
                            DataTable(headers: [lang("Ngày", "Date"), lang("Thứ", "Weekday"), lang("Tên", "Name")]) {
                                for day in column.days {
                                    El("tr") {
                                        TableCell { DateLabel(day.date, lang) }
                                        TableCell(DateLabel.weekday(day.date, lang))
                                        TableCell(lang(day.nameVi, day.nameEn))
                                    }
                                }
                            }
                        }
                    }
                }
            }
            .class("side-by-side")
        }
    }

    /// "Chủ nhật", "Thứ Bảy và Chủ nhật": the pattern as it follows "Đơn vị nghỉ".
    private static func restWords(_ rest: WeeklyRest) -> String {
        switch rest {
        case .sunday: "Chủ nhật"
        case .saturdayAndSunday: "Thứ Bảy và Chủ nhật"
        }
    }

    private static func addForm(_ model: Model, _ context: PageContext) -> any Component {
        let lang = context.lang
        let form = NamedForm(name: "day", failed: model.failed, context: context)
        return Div {
            form.section(lang("Thêm ngày nghỉ", "Add a day off"), url: .holidayChange(model.year, .add)) {
                form.text("date", lang("Ngày (dd/MM/yyyy)", "Date (dd/MM/yyyy)"), max: 10)
                form.text("name", lang("Tên ngày nghỉ", "Name"), max: 120)
            }
            Paragraph(
                lang(
                    "Thêm hoặc bỏ một ngày sẽ lưu và xác nhận lịch nghỉ của năm.",
                    "Adding or removing a day saves and confirms the year's schedule."
                )
            )
            .class("muted")
        }
    }

    static func kindText(_ kind: String, _ lang: Language) -> String {
        switch kind {
        case "statutory": lang("Nghỉ lễ, Tết theo luật", "Statutory")
        case "compensatory": lang("Nghỉ bù", "Compensatory")
        default: lang("Bổ sung", "Added")
        }
    }
}
