import AnToanCore
import Foundation
import Plot

/// A unit's upkeep: what falls due (overdue first flagged), the open corrective actions with the form to mark one
/// done, and the links to the intervals, the PC02 record and the fire equipment book; and the intervals' page.
enum UpkeepPages {
    struct List {
        var unitID: UUID
        var unitName: String
        /// An authority reading one unit of its area: the unit goes in the links.
        var drillDown: Bool
        var window: UpkeepQueries.Window
        var upkeep: UpkeepKind?
        var today: SolarDate
        var rows: [UpkeepQueries.DueRow]
        var page: Int
        var hasMore: Bool
        var actions: [CorrectiveAction]
        var itemNames: [UUID: String]
        /// Who may mark an action done: a keeper of the unit's equipment, or the owner (their account).
        var canManage: Bool
        var account: UUID?
        var canOversee: Bool
        var failed: FormFailure?
    }

    static func doneForm(_ id: UUID) -> String { "done-\(id.uuidString.lowercased())" }

    static func list(_ model: List, _ context: PageContext) -> any Component {
        let lang = context.lang
        return Div {
            H1(lang("Kiểm tra, bảo quản phương tiện", "Equipment checks and upkeep"))
            Paragraph(model.unitName).class("muted")
            links(model, lang)
            filter(model, lang)
            H2(lang(model.window.nameVi, model.window.nameEn))
            if model.rows.isEmpty {
                Paragraph(lang("Không có việc nào.", "Nothing is due.")).class("muted")
            } else {
                dues(model, lang)
            }
            pager(model, lang)
            H2(lang("Việc khắc phục chưa xong", "Open corrective actions"))
            if model.actions.isEmpty {
                Paragraph(lang("Không có việc khắc phục nào.", "No open corrective actions.")).class("muted")
            } else {
                for action in model.actions { actionCard(action, model, context) }
            }
        }
    }

    private static func links(_ model: List, _ lang: Language) -> any Component {
        Paragraph {
            if !model.drillDown {
                Link(lang("Lịch bảo quản", "Upkeep intervals"), url: SiteURL.equipmentUpkeep(.schedules).path)
                Text(" · ")
                Link(
                    lang("Biên bản tự kiểm tra PC02", "PC02 self-inspection record"),
                    url: SiteURL.equipmentUpkeep(.pc02).path
                )
                Text(" · ")
                Link(
                    lang("Sổ theo dõi phương tiện PCCC", "Fire equipment book"),
                    url: SiteURL.equipmentUpkeep(.fireBook).path
                )
            }
            if model.canOversee {
                if !model.drillDown { Text(" · ") }
                Link(lang("Tình hình các đơn vị", "Oversight"), url: SiteURL.equipmentUpkeep(.oversight).path)
            }
        }
    }

    private static func filter(_ model: List, _ lang: Language) -> any Component {
        Form(url: SiteURL.equipmentUpkeep(.list).path, method: .get) {
            if model.drillDown { Input(type: .hidden, name: "unit", value: model.unitID.uuidString.lowercased()) }
            SelectField(
                name: "window",
                label: lang("Hiện", "Show"),
                options: UpkeepQueries.Window.allCases.map { ($0.rawValue, lang($0.nameVi, $0.nameEn)) },
                selected: model.window.rawValue,
                id: "filter-window"
            )
            SelectField(
                name: "upkeep",
                label: lang("Việc", "Upkeep"),
                options: [("", lang("Mọi việc", "Any"))]
                    + UpkeepKind.allCases.map { ($0.rawValue, lang($0.nameVi, $0.nameEn)) },
                selected: model.upkeep?.rawValue ?? "",
                id: "filter-upkeep"
            )
            Button(lang("Lọc", "Filter")).attribute(named: "type", value: "submit")
        }
        .class("card filter")
    }

    private static func dues(_ model: List, _ lang: Language) -> any Component {
        let headers = [
            lang("Phương tiện", "Item"), lang("Nơi để", "Place"), lang("Việc", "Upkeep"), lang("Hạn", "Due"),
            lang("Lần trước", "Last done"),
        ]
        return DataTable(headers: headers) {
            for row in model.rows {
                El("tr", row.isOverdue(model.today) ? ["class": "attention"] : [:]) {
                    TableCell {
                        if model.drillDown {
                            Text(row.itemName)
                        } else {
                            Link(row.itemName, url: SiteURL.equipmentUpkeep(.check(row.itemID)).path)
                        }
                        Div { Text(lang(row.kind.nameVi, row.kind.nameEn)) }.class("muted")
                    }
                    .attribute(named: "data-label", value: headers[0])
                    TableCell(row.place).attribute(named: "data-label", value: headers[1])
                    TableCell(lang(row.upkeep.nameVi, row.upkeep.nameEn)).attribute(
                        named: "data-label",
                        value: headers[2]
                    )
                    TableCell(
                        row.due.dmy
                            + (row.isOverdue(model.today)
                                ? lang(
                                    " — quá hạn \(row.due.days(to: model.today)) ngày",
                                    " — \(row.due.days(to: model.today)) days overdue"
                                )
                                : "")
                    )
                    .attribute(named: "data-label", value: headers[3])
                    TableCell(row.last?.dmy ?? lang("Chưa có", "Never")).attribute(
                        named: "data-label",
                        value: headers[4]
                    )
                }
            }
        }
    }

    private static func pager(_ model: List, _ lang: Language) -> any Component {
        func url(_ page: Int) -> String {
            var query = ["window=\(model.window.rawValue)", "page=\(page)"]
            if let upkeep = model.upkeep { query.append("upkeep=\(upkeep.rawValue)") }
            if model.drillDown { query.append("unit=\(model.unitID.uuidString.lowercased())") }
            return SiteURL.equipmentUpkeep(.list).path + "?" + query.joined(separator: "&")
        }
        return Paragraph {
            if model.page > 1 { Link(lang("← Trang trước", "← Previous"), url: url(model.page - 1)) }
            if model.page > 1 && model.hasMore { Text(" · ") }
            if model.hasMore { Link(lang("Trang sau →", "Next →"), url: url(model.page + 1)) }
        }
        .class("pager")
    }

    private static func actionCard(_ action: CorrectiveAction, _ model: List, _ context: PageContext) -> any Component {
        let lang = context.lang
        let id = action.id ?? .placeholder
        let overdue = action.isOverdue(today: model.today)
        let form = NamedForm(name: doneForm(id), failed: model.failed, context: context)
        return Div {
            Paragraph { El("strong") { Text(model.itemNames[action.itemID] ?? "") } }
            Paragraph(action.text)
            Paragraph(
                lang("Người thực hiện: ", "Owner: ") + action.ownerName + " — "
                    + lang("hạn ", "by ") + action.deadline.dmy
                    + (overdue ? lang(" (quá hạn)", " (overdue)") : "")
            )
            .class(overdue ? "attention" : "muted")
            if !model.drillDown
                && (model.canManage || (action.ownerAccountID != nil && action.ownerAccountID == model.account))
            {
                PostForm(url: .equipmentUpkeep(.actionDone(id)), csrf: context.csrf, class: "inline") {
                    TextAreaField(
                        name: "done_note",
                        label: lang("Đã khắc phục thế nào", "What was done"),
                        value: form.value("done_note"),
                        error: form.error("done_note") ?? form.error("action"),
                        max: CorrectiveActions.doneNoteMax,
                        rows: 2,
                        id: form.idPrefix + "done_note"
                    )
                    Button(lang("Đánh dấu đã khắc phục", "Mark done")).attribute(named: "type", value: "submit")
                }
            }
        }
        .class("card")
    }

    struct Schedules {
        var unitName: String
        /// Each kind of the registry with a schedule: its upkeeps, default, legal maximum and the unit's own.
        var rows: [(kind: EquipmentKind, upkeep: UpkeepKind, own: Int?)]
        var canManage: Bool
        var failed: FormFailure?
    }

    static let scheduleForm = "schedule"

    static func schedules(_ model: Schedules, _ context: PageContext) -> any Component {
        let lang = context.lang
        let headers = [
            lang("Loại", "Kind"), lang("Việc", "Upkeep"), lang("Mặc định", "Default"),
            lang("Tối đa theo quy định", "Legal maximum"), lang("Của đơn vị", "The unit's"),
        ]
        return Div {
            H1(lang("Lịch bảo quản phương tiện", "Equipment upkeep intervals"))
            Paragraph(model.unitName).class("muted")
            Paragraph {
                Link(lang("Về danh sách đến hạn", "Back to what is due"), url: SiteURL.equipmentUpkeep(.list).path)
            }
            Paragraph(
                lang(
                    "Đơn vị được đặt ngắn hơn mặc định; chỉ được dài hơn khi quy định không có mức tối đa. "
                        + "Hạn thử thủy lực 5 năm là mặc định, chưa đối chiếu được với tiêu chuẩn Việt Nam.",
                    "A unit may set shorter intervals; longer ones only where the law sets no maximum. "
                        + "The 5-year hydrostatic test is a default not confirmed against the Vietnamese standard."
                )
            )
            .class("muted")
            DataTable(headers: headers) {
                for row in model.rows {
                    El("tr") {
                        TableCell(lang(row.kind.nameVi, row.kind.nameEn)).attribute(
                            named: "data-label",
                            value: headers[0]
                        )
                        TableCell(lang(row.upkeep.nameVi, row.upkeep.nameEn)).attribute(
                            named: "data-label",
                            value: headers[1]
                        )
                        TableCell(days(UpkeepRules.defaultInterval(row.kind, row.upkeep), lang))
                            .attribute(named: "data-label", value: headers[2])
                        TableCell(
                            UpkeepRules.legalMaximum(row.kind, row.upkeep).map {
                                days($0, lang) + " (" + UpkeepRules.legalBasis(row.kind, row.upkeep) + ")"
                            } ?? lang("Không quy định", "None")
                        )
                        .attribute(named: "data-label", value: headers[3])
                        TableCell(row.own.map { days($0, lang) } ?? "—").attribute(
                            named: "data-label",
                            value: headers[4]
                        )
                    }
                }
            }
            if model.canManage { scheduleForm(model, context) }
        }
    }

    private static func scheduleForm(_ model: Schedules, _ context: PageContext) -> any Component {
        let lang = context.lang
        let form = NamedForm(name: scheduleForm, failed: model.failed, context: context)
        let kinds = EquipmentKind.allCases.filter { !UpkeepRules.upkeeps(for: $0).isEmpty }
        return form.section(lang("Đặt lịch của đơn vị", "Set the unit's interval"), url: .equipmentUpkeep(.schedules)) {
            form.select(
                "kind",
                lang("Loại phương tiện", "Kind"),
                kinds.map { ($0.rawValue, lang($0.nameVi, $0.nameEn)) },
                initial: EquipmentKind.powderExtinguisher.rawValue
            )
            form.select(
                "upkeep",
                lang("Việc", "Upkeep"),
                UpkeepKind.allCases.filter(\.isRecorded).map { ($0.rawValue, lang($0.nameVi, $0.nameEn)) },
                initial: UpkeepKind.check.rawValue
            )
            form.text(
                "interval_days",
                lang("Số ngày giữa hai lần", "Days between two"),
                type: .number,
                max: 5,
                initial: "30"
            )
        }
    }

    static func days(_ value: Int?, _ lang: Language) -> String {
        guard let value else { return "—" }
        return lang("\(value) ngày", "\(value) days")
    }
}
