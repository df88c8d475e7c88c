import AnToanCore
import Foundation
import Plot

/// The check of one item on a phone: the upkeep it counts for, each point of the kind's checklist passed or failed
/// (passed unless changed), a note, a photo, and for a failure who puts it right and by when; below it the item's
/// due dates and latest checks (`UpkeepSection`, which the item's page shows too).
enum UpkeepCheckPage {
    struct Model {
        var item: EquipmentItem
        var section: UpkeepSection.Model
        /// The unit's staff, for the owner of a corrective action (empty: the default owner).
        var staff: [(id: UUID, name: String)]
        var failed: FormFailure?
    }

    static let formName = "check"

    static func render(_ model: Model, _ context: PageContext) -> any Component {
        let lang = context.lang
        let kind = model.item.kindValue
        let form = NamedForm(name: formName, failed: model.failed, context: context)
        let upkeeps = UpkeepRules.upkeeps(for: kind).filter(\.isRecorded)
        return Div {
            H1(lang("Kiểm tra: ", "Check: ") + model.item.displayName)
            Paragraph(
                [lang(kind.nameVi, kind.nameEn), model.item.capacity, model.item.place].filter { !$0.isEmpty }
                    .joined(separator: " — ")
            )
            .class("muted")
            if upkeeps.isEmpty {
                Paragraph(lang("Loại này không có lịch kiểm tra.", "This kind has no check schedule.")).class("muted")
            } else {
                Form(url: SiteURL.equipmentUpkeep(.check(model.item.id ?? .placeholder)).path, method: .post) {
                    if model.failed != nil {
                        ErrorSummary(
                            errors: FormFailure.errors(model.failed, formName),
                            labels: [:],
                            idPrefix: form.idPrefix,
                            lang: lang
                        )
                    }
                    Input(type: .hidden, name: "_csrf", value: context.csrf)
                    form.select(
                        "upkeep",
                        lang("Việc", "Upkeep"),
                        upkeeps.map { ($0.rawValue, lang($0.nameVi, $0.nameEn)) },
                        initial: UpkeepKind.check.rawValue
                    )
                    for point in UpkeepRules.checklist(for: kind) { pointField(point, form, lang) }
                    TextAreaField(
                        name: "note",
                        label: lang("Ghi chú", "Note"),
                        value: form.value("note"),
                        error: form.error("note"),
                        max: CheckLimits.note,
                        required: false,
                        rows: 2,
                        id: form.idPrefix + "note"
                    )
                    photoField(form, lang)
                    El("details") {
                        El("summary") {
                            Text(lang("Nếu không đạt: người khắc phục, hạn", "If failed: owner, deadline"))
                        }
                        form.select(
                            "owner_staff_id",
                            lang("Người khắc phục", "Owner"),
                            [
                                (
                                    "",
                                    lang(
                                        "Cán bộ an ninh của đơn vị (mặc định)",
                                        "The unit's security officer (default)"
                                    )
                                )
                            ]
                                + model.staff.map { ($0.id.uuidString.lowercased(), $0.name) }
                        )
                        form.text(
                            "deadline",
                            lang(
                                "Hạn khắc phục (dd/MM/yyyy; mặc định \(UpkeepRules.actionDeadlineDays) ngày)",
                                "Deadline (dd/MM/yyyy; \(UpkeepRules.actionDeadlineDays) days by default)"
                            ),
                            required: false,
                            max: 10
                        )
                    }
                    Button(lang("Ghi kết quả kiểm tra", "Record the check")).attribute(named: "type", value: "submit")
                }
                .attribute(named: "enctype", value: "multipart/form-data")
                .class("card")
            }
            UpkeepSection.render(model.section, lang: lang)
        }
    }

    /// A point as two radios, passed checked unless the failed form said otherwise.
    private static func pointField(_ point: ChecklistPoint, _ form: NamedForm, _ lang: Language) -> any Component {
        let name = "point_\(point.key)"
        let failed = form.value(name, initial: "pass") == "fail"
        let passID = form.idPrefix + name + "-pass"
        let failID = form.idPrefix + name + "-fail"
        return El("fieldset", ["class": "choice"]) {
            El("legend") { Text(lang(point.nameVi, point.nameEn)) }
            El(
                "input",
                ["type": "radio", "name": name, "value": "pass", "id": passID].merging(
                    failed ? [:] : ["checked": "checked"]
                ) { a, _ in a }
            ) {}
            Label(lang("Đạt", "Pass")) {}.attribute(named: "for", value: passID)
            El(
                "input",
                ["type": "radio", "name": name, "value": "fail", "id": failID].merging(
                    failed ? ["checked": "checked"] : [:]
                ) { a, _ in a }
            ) {}
            Label(lang("Không đạt", "Fail")) {}.attribute(named: "for", value: failID)
        }
    }

    private static func photoField(_ form: NamedForm, _ lang: Language) -> any Component {
        let id = form.idPrefix + "photo"
        let error = form.error("photo")
        var attributes = ["type": "file", "name": "photo", "id": id, "accept": "image/*", "capture": "environment"]
        if error != nil { attributes["aria-invalid"] = "true" }
        return Div {
            Label(lang("Ảnh (không bắt buộc)", "Photo (optional)")) {}.attribute(named: "for", value: id)
            El("input", attributes) {}
            if let error { Paragraph(error).class("field-error").id("\(id)-error") }
        }
        .class(error == nil ? "field" : "field has-error")
    }
}

/// The upkeep of one item, as a section the item's page shows: each upkeep's due date (overdue flagged) and last
/// time done, the open corrective actions, the latest checks with their photos, and the link to check it.
enum UpkeepSection {
    struct Model {
        var itemID: UUID
        var today: SolarDate
        var dues: [EquipmentDue]
        var checks: [EquipmentCheck]
        var actions: [CorrectiveAction]
        var canCheck: Bool
        var kind: EquipmentKind
    }

    static func render(_ model: Model, lang: Language) -> any Component {
        let points = UpkeepRules.checklist(for: model.kind)
        return Div {
            H2(lang("Kiểm tra, bảo quản", "Checks and upkeep"))
            if model.canCheck && !UpkeepRules.upkeeps(for: model.kind).isEmpty {
                Paragraph {
                    Link(
                        lang("Kiểm tra phương tiện này", "Check this item"),
                        url: SiteURL.equipmentUpkeep(.check(model.itemID)).path
                    )
                    .class("button")
                }
            }
            if model.dues.isEmpty {
                Paragraph(lang("Chưa có lịch bảo quản.", "No upkeep scheduled.")).class("muted")
            } else {
                El("ul") {
                    for due in model.dues {
                        let overdue = UpkeepRules.isOverdue(due: due.dueOn, today: model.today)
                        El("li", overdue ? ["class": "attention"] : [:]) {
                            Text(dueLine(due, overdue: overdue, lang))
                        }
                    }
                }
            }
            for action in model.actions {
                Paragraph(actionLine(action, lang))
                    .class(action.isOverdue(today: model.today) ? "attention" : "muted")
            }
            if !model.checks.isEmpty {
                H3(lang("Các lần kiểm tra gần đây", "Latest checks"))
                El("ul") {
                    for check in model.checks {
                        El("li") {
                            Text(line(check, points, lang))
                            if check.hasPhoto, let id = check.id {
                                Text(" ")
                                Link(lang("Ảnh", "Photo"), url: SiteURL.equipmentUpkeep(.photo(id)).path)
                            }
                        }
                    }
                }
            }
        }
        .class("upkeep-section")
    }

    static func dueLine(_ due: EquipmentDue, overdue: Bool, _ lang: Language) -> String {
        var text: String = lang(due.upkeep.nameVi, due.upkeep.nameEn) + ": " + lang("hạn ", "due ") + due.dueOn.dmy
        if overdue { text += lang(" (quá hạn)", " (overdue)") }
        if let last = due.lastOn { text += lang(" — lần trước ", " — last ") + last.dmy }
        return text
    }

    static func actionLine(_ action: CorrectiveAction, _ lang: Language) -> String {
        let head: String = lang("Cần khắc phục trước ", "To put right by ")
        return head + action.deadline.dmy + ": " + action.text + " (" + action.ownerName + ")"
    }

    /// A check in one line: day, upkeep, result with the failed points, checker.
    static func line(_ check: EquipmentCheck, _ points: [ChecklistPoint], _ lang: Language) -> String {
        let failed = points.filter { check.failedKeys.contains($0.key) }.map { lang($0.nameVi, $0.nameEn) }
        let result: String =
            check.passed
            ? lang("Đạt", "Passed") : lang("Không đạt: ", "Failed: ") + failed.joined(separator: ", ")
        let upkeep: String = lang(check.upkeepValue.nameVi, check.upkeepValue.nameEn)
        return [check.doneOn.dmy, upkeep, result, check.checkerName].joined(separator: " — ")
    }
}
