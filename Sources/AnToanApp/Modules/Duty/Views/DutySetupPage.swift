import AnToanCore
import Foundation
import Plot

/// A unit's duty posts: per post its shift pattern and the leaders and officers of each shift per kind of day.
enum DutySetupPage {
    struct Model {
        var unitID: UUID
        var unitName: String
        var blocks: [DutySetupForm.Block]
        var values: [String: String]
        var errors = FieldChecker()
        var canEdit: Bool
        /// The reader may change trình ký (the unit's head).
        var canApprove = false
    }

    static func view(_ model: Model, _ context: PageContext) -> any Component {
        let lang = context.lang
        return Div {
            H1(lang("Chốt trực và ca trực", "Duty posts and shifts"))
            Paragraph {
                Link(model.unitName, url: SiteURL.unit(model.unitID).path)
                Text(" · ")
                Link(lang("Lịch trực", "Rosters"), url: SiteURL.rosterPages(.list(model.unitID)).path)
            }
            Paragraph(
                lang(
                    "Mỗi vị trí của đơn vị có thể là một chốt trực. Chọn mẫu ca và số lãnh đạo, cán bộ mỗi ca. "
                        + "Để trống ô cuối tuần, ngày lễ hoặc cao điểm thì lấy theo mức thấp hơn. Chốt đầu tiên là chốt chính.",
                    "Each site of the unit can be a duty post. Choose its shifts and the leaders and officers of each "
                        + "shift. Leave weekend, holiday or peak empty to use the lower level. The first post is the main one."
                )
            )
            .class("muted")
            if let error = model.errors.message(for: "posts", lang) {
                Paragraph(error).class("flash flash-error").attribute(named: "role", value: "alert")
            }
            if model.blocks.isEmpty {
                Paragraph(
                    lang(
                        "Đơn vị chưa có vị trí nào. Hãy thêm vị trí (cổng, trụ sở, chốt gác) ở trang đơn vị.",
                        "The unit has no sites yet. Add its sites (gate, headquarters, guard post) on the unit's page."
                    )
                )
            } else {
                let summary = ErrorSummary(errors: model.errors, labels: labels(model, lang), lang: lang)
                PostForm(url: .rosterPages(.setup(model.unitID)), csrf: context.csrf, summary: summary) {
                    for (index, block) in model.blocks.enumerated() {
                        blockView(index, block, model, lang)
                    }
                    approvalView(model, lang)
                    if model.canEdit {
                        Button(lang("Lưu chốt trực", "Save the posts")).attribute(named: "type", value: "submit")
                    }
                }
            }
        }
    }

    private static func blockView(
        _ index: Int,
        _ block: DutySetupForm.Block,
        _ model: Model,
        _ lang: Language
    ) -> any Component {
        let key = { (field: String) in DutySetupForm.key(index, field) }
        return El("fieldset", ["class": "card"]) {
            El("legend") { Text(block.name) }
            Input(type: .hidden, name: key("id"), value: block.id)
            SelectField(
                name: key("pattern"),
                label: lang("Mẫu ca", "Shift pattern"),
                options: [
                    ("", lang("Không bố trí trực", "No duty here")),
                    ("3x8", lang("3 ca × 8 giờ", "3 shifts × 8 h")),
                    ("2x12", lang("2 ca × 12 giờ", "2 shifts × 12 h")),
                    ("24h", lang("Trực 24 giờ", "24-hour duty")),
                    ("custom", lang("Tự khai báo giờ ca", "Own shift hours")),
                ],
                selected: model.values[key("pattern")] ?? "",
                error: model.errors.message(for: key("pattern"), lang)
            )
            SelectField(
                name: key("priority"),
                label: lang("Ưu tiên khi thiếu người", "Priority when short of staff"),
                options: [
                    ("3", lang("Cao: giữ đủ người trước", "High: staffed first")),
                    ("2", lang("Thường", "Normal")),
                    ("1", lang("Thấp: để trống trước", "Low: left open first")),
                ],
                selected: model.values[key("priority")] ?? (index == 0 ? "3" : "2"),
                error: model.errors.message(for: key("priority"), lang)
            )
            FormField(
                name: key("shifts"),
                label: lang(
                    "Giờ các ca (khi tự khai báo), ví dụ 06:00-18:00, 18:00-06:00",
                    "Shift hours (own), e.g. 06:00-18:00, 18:00-06:00"
                ),
                value: model.values[key("shifts")] ?? "",
                error: model.errors.message(for: key("shifts"), lang),
                required: false,
                maxLength: 200
            )
            staffing(index, block, model, lang)
        }
    }

    /// One row per shift; per kind of day a leaders box and an officers box under the kind's name. On a phone each
    /// shift stacks into a card (`stack`), its boxes still under their kind's name, so the page never scrolls sideways.
    private static func staffing(
        _ index: Int,
        _ block: DutySetupForm.Block,
        _ model: Model,
        _ lang: Language
    ) -> any Component {
        let heading = { (kind: DayKind) in "\(kindName(kind, lang)) (\(lang("LĐ / CB", "L / O")))" }
        return Div {
            El("table", ["class": "stack"]) {
                El("tbody") {
                    for (row, label) in block.rows.enumerated() {
                        El("tr") {
                            TableCell(label)
                            for kind in DutySetupForm.kinds {
                                TableCell {
                                    Div { Text(heading(kind)) }.class("muted")
                                    countInput(
                                        DutySetupForm.countKey(index, row: row, kind, leaders: true),
                                        model,
                                        lang("lãnh đạo", "leaders")
                                    )
                                    countInput(
                                        DutySetupForm.countKey(index, row: row, kind, leaders: false),
                                        model,
                                        lang("cán bộ", "officers")
                                    )
                                    for leaders in [true, false] {
                                        let field = DutySetupForm.countKey(index, row: row, kind, leaders: leaders)
                                        if let error = model.errors.message(for: field, lang) {
                                            Paragraph(error).class("field-error").id("\(field)-error")
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        .class("table-wrap")
    }

    private static func countInput(_ name: String, _ model: Model, _ label: String) -> any Component {
        let invalid = model.errors.message(for: name, .vi) != nil
        return Input(type: .number, name: name, value: model.values[name] ?? "")
            .id(name)
            .attribute(named: "aria-describedby", value: invalid ? "\(name)-error" : "")
            .attribute(named: "min", value: "0")
            .attribute(named: "max", value: "50")
            .attribute(named: "inputmode", value: "numeric")
            .attribute(named: "aria-label", value: label)
            .attribute(named: "aria-invalid", value: invalid ? "true" : "")
            .class("count")
    }

    /// The summary's name of each field: the post, then the shift and the kind of day of a count.
    private static func labels(_ model: Model, _ lang: Language) -> [String: String] {
        var labels: [String: String] = [:]
        for (index, block) in model.blocks.enumerated() {
            labels[DutySetupForm.key(index, "pattern")] = "\(block.name) · \(lang("Mẫu ca", "Shift pattern"))"
            labels[DutySetupForm.key(index, "shifts")] = "\(block.name) · \(lang("Giờ các ca", "Shift hours"))"
            for (row, shift) in block.rows.enumerated() {
                for kind in DutySetupForm.kinds {
                    for leaders in [true, false] {
                        let who = leaders ? lang("lãnh đạo", "leaders") : lang("cán bộ", "officers")
                        labels[DutySetupForm.countKey(index, row: row, kind, leaders: leaders)] =
                            "\(block.name) · \(shift) · \(kindName(kind, lang)) · \(who)"
                    }
                }
            }
        }
        return labels
    }

    static func kindName(_ kind: DayKind, _ lang: Language) -> String {
        switch kind {
        case .working: lang("Ngày làm việc", "Working day")
        case .weekend: lang("Cuối tuần", "Weekend")
        case .holiday: lang("Ngày lễ, Tết", "Holiday")
        case .peak: lang("Cao điểm", "Peak")
        }
    }
}
