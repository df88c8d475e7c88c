import AnToanCore
import Foundation
import Plot

/// Goods release notes: the list (the gate's notes due out today first, then the form to draft one, then the notes)
/// and one note with its items and the buttons its reader may use.
enum ReleaseNotePages {
    struct List {
        var unitName: String
        var canDraft: Bool
        var canRelease: Bool
        var canManageApprovers: Bool
        var canSeeGate: Bool
        var today: SolarDate
        /// Approved notes the gate may let out today.
        var due: [ReleaseNote]
        var notes: [ReleaseNote]
        var unitNames: [UUID: String]
        var showUnit: Bool
        var failed: FormFailure?
    }

    struct One {
        var note: ReleaseNote
        var unitName: String
        var isApprover: Bool
        var isDrafter: Bool
        var canRelease: Bool
        var today: SolarDate
        var failed: FormFailure?
    }

    static let formName = "note"
    static let refuseForm = "refuse"

    static func list(_ model: List, _ context: PageContext) -> any Component {
        let lang = context.lang
        return Div {
            H1(lang("Phiếu xuất hàng (giấy ra cổng)", "Goods release notes"))
            if !model.unitName.isEmpty { Paragraph(model.unitName).class("muted") }
            GoodsLinks(
                canSeeGate: model.canSeeGate,
                hasUnit: model.canDraft,
                canManageApprovers: model.canManageApprovers,
                lang: lang
            )
            if model.canRelease {
                H2(lang("Hàng được ra cổng hôm nay", "Goods due out today"))
                if model.due.isEmpty {
                    Paragraph(lang("Không có phiếu đã duyệt nào đến hạn.", "No approved note is due.")).class("muted")
                } else {
                    for note in model.due { dueCard(note, context) }
                }
            }
            if model.canDraft { draftForm(model, context) }
            H2(lang("Các phiếu", "Notes"))
            if model.notes.isEmpty {
                Paragraph(lang("Chưa có phiếu nào.", "No notes yet.")).class("muted")
            } else {
                DataTable(headers: [
                    lang("Ngày ra", "Day"), lang("Người mang", "Carrier"), lang("Hàng hóa", "Goods"),
                    lang("Tình trạng", "State"),
                ]) {
                    for note in model.notes {
                        El("tr") {
                            TableCell {
                                Link(
                                    SolarDate(iso: note.expectedOn)?.dmy ?? note.expectedOn,
                                    url: SiteURL.gateGoods(.note(note.id ?? .placeholder)).path
                                )
                                if model.showUnit { Div { Text(model.unitNames[note.unitID] ?? "") }.class("muted") }
                            }
                            .attribute(named: "data-label", value: lang("Ngày ra", "Day"))
                            TableCell(carrier(note, lang)).attribute(
                                named: "data-label",
                                value: lang("Người mang", "Carrier")
                            )
                            TableCell(summary(note, lang)).attribute(
                                named: "data-label",
                                value: lang("Hàng hóa", "Goods")
                            )
                            TableCell(status(note, lang)).attribute(
                                named: "data-label",
                                value: lang("Tình trạng", "State")
                            )
                        }
                    }
                }
            }
        }
    }

    private static func dueCard(_ note: ReleaseNote, _ context: PageContext) -> any Component {
        let lang = context.lang
        let id = note.id ?? .placeholder
        return Div {
            Paragraph {
                El("strong") { Text(carrier(note, lang)) }
                if !note.vehiclePlate.isEmpty { Text(" — " + note.vehiclePlate) }
            }
            Paragraph(summary(note, lang))
            Paragraph(lang("Duyệt: ", "Approved by: ") + (note.decidedByName ?? "")).class("muted")
            PostForm(url: .gateGoods(.release(id)), csrf: context.csrf, class: "inline") {
                Button(lang("Cho hàng ra cổng", "Let the goods out")).attribute(named: "type", value: "submit")
            }
            Link(lang("Xem phiếu", "Open"), url: SiteURL.gateGoods(.note(id)).path)
        }
        .class("card")
    }

    private static func draftForm(_ model: List, _ context: PageContext) -> any Component {
        let lang = context.lang
        let form = NamedForm(name: formName, failed: model.failed, context: context)
        return form.section(lang("Lập phiếu xuất hàng", "Draft a release note"), url: .gateGoods(.notes), open: true) {
            form.text("carrier_name", lang("Người mang hàng ra", "Who carries the goods out"), max: GateLimits.name)
            form.text(
                "carrier_document",
                lang("Số giấy tờ của người mang (nếu có)", "Their document number (optional)"),
                required: false,
                max: GoodsLimits.document
            )
            form.text(
                "vehicle_plate",
                lang("Biển số xe chở hàng (nếu có)", "Vehicle plate (optional)"),
                required: false,
                max: GateLimits.plate
            )
            TextAreaField(
                name: "items",
                label: lang(
                    "Hàng hóa — mỗi dòng một mặt hàng: mô tả | số lượng | đơn vị tính",
                    "Goods — one item a line: description | quantity | unit"
                ),
                value: form.value("items"),
                error: form.error("items"),
                max: GoodsLimits.items,
                rows: 4,
                id: form.idPrefix + "items"
            )
            Paragraph(
                lang(
                    "Ví dụ: Máy tính xách tay Dell | 2 | chiếc. Không ghi số lượng thì tính là 1.",
                    "E.g. Dell laptop | 2 | pcs. Without a quantity, 1 is meant."
                )
            )
            .class("muted")
            form.text("reason", lang("Lý do", "Reason"), max: GoodsLimits.reason)
            form.text(
                "expected_date",
                lang("Ngày ra cổng (dd/MM/yyyy)", "Day out (dd/MM/yyyy)"),
                max: 10,
                initial: model.today.dmy
            )
        }
    }

    static func one(_ model: One, _ context: PageContext) -> any Component {
        let lang = context.lang
        let note = model.note
        let id = note.id ?? .placeholder
        let errors = FormFailure.errors(model.failed, formName)
        let facts: [(String, String)] = [
            (lang("Đơn vị", "Unit"), model.unitName), (lang("Người mang", "Carrier"), carrier(note, lang)),
            (lang("Số giấy tờ", "Document"), note.carrierDocument), (lang("Biển số xe", "Plate"), note.vehiclePlate),
            (lang("Lý do", "Reason"), note.reason),
            (lang("Ngày ra cổng", "Day out"), SolarDate(iso: note.expectedOn)?.dmy ?? note.expectedOn),
            (lang("Người lập", "Drafted by"), note.createdByName + ", " + VietnamTime.dateTime(note.createdAt)),
            (lang("Tình trạng", "State"), status(note, lang)),
            (
                lang("Người duyệt", "Decided by"),
                [note.decidedByName ?? "", note.decidedAt.map(VietnamTime.dateTime) ?? ""].filter { !$0.isEmpty }
                    .joined(separator: ", ")
            ),
            (lang("Lý do từ chối", "Why refused"), note.refusalReason ?? ""),
            (
                lang("Ra cổng", "Went out"),
                [note.releasedAt.map(VietnamTime.dateTime) ?? "", note.releasedByName ?? ""].filter { !$0.isEmpty }
                    .joined(separator: ", ")
            ),
        ]
        let pending = note.statusValue == .pending
        return Div {
            H1(lang("Phiếu xuất hàng", "Goods release note"))
            if let error = errors.message(for: "note", lang) {
                Paragraph(lang("Phiếu", "Note") + ": " + error).class("field-error").attribute(
                    named: "role",
                    value: "alert"
                )
            }
            El("dl", ["class": "facts"]) {
                for (term, value) in facts where !value.isEmpty {
                    El("dt") { Text(term) }
                    El("dd") { Text(value) }
                }
            }
            DataTable(headers: [
                lang("STT", "No."), lang("Mặt hàng", "Item"), lang("Số lượng", "Qty"), lang("ĐVT", "Unit"),
            ]) {
                for (index, item) in note.goods.enumerated() {
                    El("tr") {
                        TableCell(String(index + 1)).attribute(named: "data-label", value: lang("STT", "No."))
                        TableCell(item.description).attribute(named: "data-label", value: lang("Mặt hàng", "Item"))
                        TableCell(item.quantity).attribute(named: "data-label", value: lang("Số lượng", "Qty"))
                        TableCell(item.unit).attribute(named: "data-label", value: lang("ĐVT", "Unit"))
                    }
                }
            }
            if pending && model.isApprover && model.isDrafter {
                Paragraph(
                    lang(
                        "Bạn lập phiếu này nên không tự duyệt được: cần một người duyệt khác của đơn vị.",
                        "You drafted this note, so you cannot decide it: another approver of the unit must."
                    )
                )
                .class("muted")
            }
            if pending && model.isApprover && !model.isDrafter {
                PostForm(url: .gateGoods(.approve(id)), csrf: context.csrf, class: "inline") {
                    Button(lang("Duyệt cho ra cổng", "Approve")).attribute(named: "type", value: "submit")
                }
                refuse(model, context)
            }
            if model.canRelease && note.statusValue == .approved {
                PostForm(url: .gateGoods(.release(id)), csrf: context.csrf, class: "inline") {
                    Button(lang("Cho hàng ra cổng", "Let the goods out")).attribute(named: "type", value: "submit")
                }
            }
            Div {
                Link(lang("Về danh sách phiếu", "Back to the notes"), url: SiteURL.gateGoods(.notes).path)
            }
            .class("filters")
        }
    }

    private static func refuse(_ model: One, _ context: PageContext) -> any Component {
        let lang = context.lang
        let form = NamedForm(name: refuseForm, failed: model.failed, context: context)
        return form.section(lang("Từ chối", "Refuse"), url: .gateGoods(.refuse(model.note.id ?? .placeholder))) {
            form.text("refusal_reason", lang("Lý do từ chối", "Why"), max: GoodsLimits.refusal)
        }
    }

    static func carrier(_ note: ReleaseNote, _ lang: Language) -> String {
        note.purgedAt != nil
            ? lang("(đã xóa theo thời hạn lưu)", "(erased after the retention period)") : note.carrierName
    }

    /// "Máy tính xách tay Dell 2 chiếc; Màn hình 1 chiếc".
    static func summary(_ note: ReleaseNote, _ lang: Language) -> String {
        note.goods.map { [$0.description, $0.quantity, $0.unit].filter { !$0.isEmpty }.joined(separator: " ") }
            .joined(separator: "; ")
    }

    static func status(_ note: ReleaseNote, _ lang: Language) -> String {
        lang(note.statusValue.nameVi, note.statusValue.nameEn)
    }
}

/// The links between the gate's goods and vehicle pages.
struct GoodsLinks: PlainComponent {
    var canSeeGate: Bool
    /// The book is a unit's: shown to an account of a unit only.
    var hasUnit: Bool
    var canManageApprovers: Bool
    var lang: Language

    var body: any Component {
        Div {
            Link(lang("Phiếu xuất hàng", "Release notes"), url: SiteURL.gateGoods(.notes).path)
            if canSeeGate {
                Link(lang("Xe ra vào", "Vehicles"), url: SiteURL.gateGoods(.vehicles).path)
                if hasUnit {
                    Link(lang("Sổ xuất–nhập", "Goods and vehicle book"), url: SiteURL.gateGoods(.book).path)
                }
                Link(lang("Về cổng", "Back to the gate"), url: SiteURL.gate(.desk).path)
            }
            if canManageApprovers {
                Link(lang("Người duyệt phiếu", "Approvers"), url: SiteURL.gateGoods(.approvers).path)
            }
        }
        .class("filters")
    }
}
