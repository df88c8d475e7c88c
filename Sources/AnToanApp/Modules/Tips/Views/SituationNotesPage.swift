import AnToanCore
import Foundation
import Plot

/// Situation notes: a form for those who may write one, the list for the leadership and authorities.
enum SituationNotesPage {
    struct Row {
        var note: SituationNote
        var concerns: String
    }

    struct Model {
        var canWrite: Bool
        /// The units the writer may choose (an authority's, an administrator's); empty for a unit's own people.
        var units: [(id: UUID, name: String)]
        var canRead: Bool
        var rows: [Row]
        var failed: FormFailure?
    }

    static func view(_ model: Model, _ context: PageContext) -> any Component {
        let lang = context.lang
        let failed = model.failed
        let errors = FormFailure.errors(failed, "note")
        return Div {
            H1(lang("Tình hình đáng chú ý", "Situation notes"))
            Paragraph(
                lang(
                    "Dấu hiệu bất thường chưa thành vụ việc: người lạ theo dõi, mâu thuẫn có thể gây rối, tin đồn… "
                        + "Lãnh đạo đơn vị và cơ quan quản lý được báo ngay.",
                    "Signs of trouble that are not yet an incident: strangers watching, a dispute that may turn to "
                        + "disorder, rumours… The unit's leadership and the authority are told at once."
                )
            )
            .class("muted")
            if model.canWrite {
                PostForm(url: .tips(.notes), csrf: context.csrf, class: "card") {
                    TipFields.textArea(
                        "text",
                        lang("Điều bạn thấy", "What you saw"),
                        value: FormFailure.value(failed, "note", "text"),
                        error: errors.message(for: "text", lang),
                        max: SituationNotes.maxText
                    )
                    FormField(
                        name: "place",
                        label: lang("Ở đâu (không bắt buộc)", "Where (optional)"),
                        value: FormFailure.value(failed, "note", "place"),
                        error: errors.message(for: "place", lang),
                        required: false,
                        maxLength: SituationNotes.maxPlace
                    )
                    if !model.units.isEmpty {
                        SelectField(
                            name: "unit_id",
                            label: lang("Đơn vị", "Unit"),
                            options: [("", lang("— Chọn —", "— Choose —"))]
                                + model.units.map { ($0.id.uuidString.lowercased(), $0.name) },
                            selected: FormFailure.value(failed, "note", "unit_id"),
                            error: errors.message(for: "unit_id", lang),
                            required: true
                        )
                    }
                    Button(lang("Gửi lãnh đạo", "Send to the leadership")).attribute(named: "type", value: "submit")
                }
            }
            if model.canRead {
                H2(lang("Đã ghi nhận", "Notes"))
                if model.rows.isEmpty {
                    Paragraph(lang("Chưa có ghi nhận nào.", "No notes yet.")).class("muted")
                }
                for row in model.rows {
                    noteCard(row, model, context)
                }
            }
        }
    }

    private static func noteCard(_ row: Row, _ model: Model, _ context: PageContext) -> any Component {
        let lang = context.lang
        let note = row.note
        let id = note.id ?? .placeholder
        let turning = model.failed?.form == "incident-\(id.uuidString.lowercased())"
        let errors = turning ? model.failed?.errors ?? FieldChecker() : FieldChecker()
        return Div {
            Paragraph {
                El("strong") { Text(row.concerns) }
                Span(" · " + VietnamTime.dateTime(note.writtenAt) + " · " + note.authorName).class("muted")
            }
            Paragraph(note.text)
            if !note.place.isEmpty { Paragraph(lang("Ở đâu: ", "Where: ") + note.place) }
            if note.tipID != nil { Paragraph(lang("Từ tin báo của người dân", "From a citizen's tip")).class("muted") }
            if note.incidentID != nil {
                Paragraph(lang("Đã chuyển thành vụ việc", "Turned into an incident")).class("badge")
            } else if note.unitID != nil {
                PostForm(url: .tips(.noteIncident(id)), csrf: context.csrf) {
                    SelectField(
                        name: "kind",
                        label: lang("Loại vụ việc", "Kind of incident"),
                        options: [("", lang("— Chọn —", "— Choose —"))]
                            + IncidentKind.allCases.map { ($0.rawValue, lang($0.nameVi, $0.nameEn)) },
                        selected: turning ? FormFailure.value(model.failed, model.failed?.form ?? "", "kind") : "",
                        error: errors.message(for: "kind", lang),
                        id: "kind-\(id.uuidString.lowercased())"
                    )
                    SelectField(
                        name: "severity",
                        label: lang("Mức độ", "Severity"),
                        options: [("", lang("— Chọn —", "— Choose —"))]
                            + IncidentSeverity.allCases.map { ($0.rawValue, lang($0.nameVi, $0.nameEn)) },
                        selected: turning ? FormFailure.value(model.failed, model.failed?.form ?? "", "severity") : "",
                        error: errors.message(for: "severity", lang),
                        id: "severity-\(id.uuidString.lowercased())"
                    )
                    Button(lang("Chuyển thành vụ việc", "Turn into an incident")).attribute(
                        named: "type",
                        value: "submit"
                    )
                    .class("secondary")
                }
            }
        }
        .class("card")
    }
}
