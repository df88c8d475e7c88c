import AnToanCore
import Foundation
import Plot

/// The peak periods that concern the reader, with their dates (and lunar dates), area and the extra people each
/// shift needs; an authority declares one for its area or an area below it.
enum PeakPeriodsPage {
    struct Row {
        var id: UUID?
        /// The reader may edit or end it: its area is within the reader's scope.
        var editable = false
        var name: String
        var areaName: String
        var start: String
        var end: String
        var extraLeaders: Int
        var extraOfficers: Int
    }

    struct Model {
        var rows: [Row]
        var canDeclare = false
        /// Today in Vietnam, as yyyy-MM-dd: a period under way may be ended today.
        var today = ""
        /// The areas the reader may declare for, as `(id, "name (code)")`.
        var areas: [(value: String, label: String)] = []
        var failed: FormFailure?
    }

    static func view(_ model: Model, _ context: PageContext) -> any Component {
        let lang = context.lang
        return Div {
            H1(lang("Đợt cao điểm", "Peak periods"))
            Paragraph(
                lang(
                    "Trong đợt cao điểm, mỗi ca trực của mọi đơn vị thuộc địa bàn cần thêm số người ghi dưới đây "
                        + "(chỉ thêm vào vai trò ca đó vốn có).",
                    "During a peak period every shift of every unit in the area needs the extra people below "
                        + "(only in a role the shift already has)."
                )
            )
            .class("muted")
            if model.canDeclare {
                declareForm(model, context)
            }
            if model.rows.isEmpty {
                Paragraph(
                    model.canDeclare
                        ? lang(
                            "Chưa có đợt cao điểm nào. Khai báo đợt mới ở biểu mẫu dưới đây.",
                            "No peak period yet. Declare one with the form below."
                        ) : lang("Chưa có đợt cao điểm nào.", "No peak period yet.")
                )
                .class("muted")
            } else {
                let editing = model.rows.contains(where: \.editable)
                DataTable(
                    headers: [
                        lang("Đợt", "Period"), lang("Từ ngày", "From"), lang("Đến ngày", "To"), lang("Địa bàn", "Area"),
                        lang("Tăng cường mỗi ca", "Extra per shift"),
                    ] + (editing ? [lang("Sửa, kết thúc", "Edit, end")] : [])
                ) {
                    for row in model.rows {
                        El("tr") {
                            TableCell(row.name)
                            TableCell { DateLabel(iso: row.start, lang) }
                            TableCell { DateLabel(iso: row.end, lang) }
                            TableCell(row.areaName)
                            TableCell(upliftText(leaders: row.extraLeaders, officers: row.extraOfficers, lang))
                            if editing {
                                TableCell {
                                    if row.editable, let id = row.id { changeForms(row, id: id, model, context) }
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    private static func declareForm(_ model: Model, _ context: PageContext) -> any Component {
        let lang = context.lang
        let form = NamedForm(name: "peak", failed: model.failed, context: context)
        return form.section(lang("Khai báo đợt cao điểm", "Declare a peak period"), url: .peakPeriods) {
            form.text("name", lang("Tên đợt", "Name"))
            form.select("area_id", lang("Địa bàn", "Area"), model.areas)
            form.text("start_date", lang("Từ ngày (dd/MM/yyyy)", "From (dd/MM/yyyy)"), max: 10)
            form.text("end_date", lang("Đến ngày (dd/MM/yyyy)", "To (dd/MM/yyyy)"), max: 10)
            form.text(
                "extra_leaders",
                lang("Thêm lãnh đạo trực mỗi ca", "Extra duty leaders per shift"),
                type: .number,
                max: 2,
                initial: "0"
            )
            form.text(
                "extra_officers",
                lang("Thêm người trực mỗi ca", "Extra officers per shift"),
                type: .number,
                max: 2,
                initial: "1"
            )
        }
    }

    /// The name of the edit form of period `id`, which a refused edit or end opens again.
    static func editForm(_ id: UUID) -> String { "peak-\(id.uuidString.lowercased())" }

    /// Edit the period (folded), and end it today when it is under way.
    private static func changeForms(_ row: Row, id: UUID, _ model: Model, _ context: PageContext) -> any Component {
        let lang = context.lang
        let form = NamedForm(name: editForm(id), failed: model.failed, context: context)
        return Div {
            form.section(lang("Sửa đợt", "Edit the period"), url: .peakPeriod(id)) {
                form.text("name", lang("Tên đợt", "Name"), initial: row.name)
                form.text(
                    "start_date",
                    lang("Từ ngày (dd/MM/yyyy)", "From (dd/MM/yyyy)"),
                    max: 10,
                    initial: SolarDate(iso: row.start)?.dmy ?? row.start
                )
                form.text(
                    "end_date",
                    lang("Đến ngày (dd/MM/yyyy)", "To (dd/MM/yyyy)"),
                    max: 10,
                    initial: SolarDate(iso: row.end)?.dmy ?? row.end
                )
                form.text(
                    "extra_leaders",
                    lang("Thêm lãnh đạo trực mỗi ca", "Extra duty leaders per shift"),
                    type: .number,
                    max: 2,
                    initial: String(row.extraLeaders)
                )
                form.text(
                    "extra_officers",
                    lang("Thêm người trực mỗi ca", "Extra officers per shift"),
                    type: .number,
                    max: 2,
                    initial: String(row.extraOfficers)
                )
            }
            if row.start <= model.today, model.today < row.end {
                PostForm(url: .peakPeriodEnd(id), csrf: context.csrf, class: "inline") {
                    Button(lang("Kết thúc hôm nay", "End today")).attribute(named: "type", value: "submit")
                        .class("secondary")
                }
            }
        }
    }

    /// "+1 lãnh đạo, +2 người trực"; "—" when the period adds nobody (it still makes its days peak days).
    static func upliftText(leaders: Int, officers: Int, _ lang: Language) -> String {
        var parts: [String] = []
        if leaders > 0 { parts.append(lang("+\(leaders) lãnh đạo", "+\(leaders) leaders")) }
        if officers > 0 { parts.append(lang("+\(officers) người trực", "+\(officers) officers")) }
        return parts.isEmpty ? "—" : parts.joined(separator: ", ")
    }
}
