import AnToanCore
import Foundation
import Plot

/// Custody's pages: who holds what now (with the request form), one issue with the buttons its reader may use, and
/// what one person holds. An issue out past its expected return is flagged wherever it is listed.
enum CustodyPages {
    struct List {
        var title: String
        var custodies: [EquipmentCustody]
        var items: [UUID: EquipmentItem]
        /// What the reader holds themselves (their holder's view).
        var mine: [EquipmentCustody]
        var now: Date
        var canRequest: Bool
        var canManage: Bool
        /// The unit's items in store and staff, for the request form.
        var inStore: [EquipmentItem] = []
        var staff: [StaffMember] = []
        var failed: FormFailure?
        /// False for a holder who sees only their own issues: the unit's list is not theirs to read.
        var seesAll = true
    }

    struct One {
        var custody: EquipmentCustody
        var item: EquipmentItem?
        var now: Date
        var canApprove: Bool
        var canManage: Bool
        var isHolder: Bool
        var failed: FormFailure?
    }

    static let formName = "custody"
    static let refuseForm = "refuse"
    static let returnForm = "return"

    static func list(_ model: List, _ context: PageContext) -> any Component {
        let lang = context.lang
        let overdue = model.custodies.filter { $0.isOverdue(at: model.now) }.count
        return Div {
            H1(model.title)
            CustodyLinks(canManage: model.canManage, lang: lang)
            if !model.mine.isEmpty {
                H2(lang("Bạn đang giữ", "You hold"))
                table(model.mine, model.items, model.now, lang)
            } else if !model.seesAll {
                Paragraph(lang("Bạn không giữ phương tiện nào.", "You hold nothing.")).class("muted")
            }
            // A holder reads only their own issues: "nothing is out" under what they hold would contradict it.
            if model.seesAll {
                if overdue > 0 {
                    Paragraph(lang("\(overdue) phương tiện quá hạn trả.", "\(overdue) items are overdue."))
                        .class("flash flash-error").attribute(named: "role", value: "alert")
                }
                H2(lang("Đang cấp phát và đề nghị đang xử lý", "Out now and requests under way"))
                if model.custodies.isEmpty {
                    Paragraph(lang("Không có phương tiện nào đang cấp phát.", "Nothing is out.")).class("muted")
                } else {
                    table(model.custodies, model.items, model.now, lang)
                }
            }
            if model.canRequest {
                if model.inStore.isEmpty {
                    Paragraph(lang("Không có phương tiện nào trong kho để cấp.", "Nothing in store to issue."))
                        .class("muted")
                } else {
                    requestForm(model, context)
                }
            }
        }
    }

    static func table(
        _ rows: [EquipmentCustody],
        _ items: [UUID: EquipmentItem],
        _ now: Date,
        _ lang: Language
    ) -> any Component {
        let headers = [
            lang("Phương tiện", "Item"), lang("Người giữ", "Holder"), lang("Hẹn trả", "Due back"),
            lang("Tình trạng", "State"),
        ]
        return DataTable(headers: headers) {
            for custody in rows {
                El("tr") {
                    TableCell {
                        Link(
                            itemName(custody, items[custody.itemID]),
                            url: SiteURL.custody(.one(custody.id ?? .placeholder)).path
                        )
                    }
                    .attribute(named: "data-label", value: headers[0])
                    TableCell {
                        Link(custody.holderName, url: SiteURL.custody(.person(custody.staffID)).path)
                    }
                    .attribute(named: "data-label", value: headers[1])
                    TableCell(VietnamTime.dateTime(custody.expectedReturnAt))
                        .attribute(named: "data-label", value: headers[2])
                    TableCell {
                        Text(lang(custody.statusValue.nameVi, custody.statusValue.nameEn))
                        if custody.isOverdue(at: now) {
                            Span(lang(" — quá hạn trả", " — overdue")).class("status-missing")
                        }
                    }
                    .attribute(named: "data-label", value: headers[3])
                }
            }
        }
    }

    /// "Dùi cui điện số DC-01" or "Đạn × 20 viên".
    static func itemName(_ custody: EquipmentCustody, _ item: EquipmentItem?) -> String {
        guard let item else { return "" }
        return item.kindValue.isCounted ? "\(item.displayName) × \(custody.quantity) \(item.measure)" : item.displayName
    }

    private static func requestForm(_ model: List, _ context: PageContext) -> any Component {
        let lang = context.lang
        let form = NamedForm(name: formName, failed: model.failed, context: context)
        let items = model.inStore.map { item in
            (
                value: (item.id ?? .placeholder).uuidString.lowercased(),
                label: "\(item.displayName) — \(item.kindValue.nameVi)"
                    + (item.kindValue.isCounted ? " (\(item.quantity) \(item.measure))" : "")
            )
        }
        let staff = model.staff.map {
            ((($0.id ?? .placeholder).uuidString.lowercased()), "\($0.fullName) — \($0.position)")
        }
        let due = VietnamTime.dateTime(model.now.addingTimeInterval(12 * 3_600))
        return form.section(
            lang("Đề nghị cấp phát", "Request an issue"),
            url: .custody(.list),
            open: model.failed != nil
        ) {
            form.select("item", lang("Phương tiện (trong kho)", "Item (in store)"), items)
            form.select("staff", lang("Người nhận", "Holder"), staff.map { (value: $0.0, label: $0.1) })
            form.text(
                "quantity",
                lang("Số lượng (loại tính theo số lượng)", "Quantity (counted stocks)"),
                type: .number,
                max: 8,
                initial: "1"
            )
            form.text("reason", lang("Lý do", "Reason"), max: CustodyLimits.reason)
            form.text(
                "expected_return_at",
                lang("Hẹn trả (dd/MM/yyyy HH:mm)", "Due back (dd/MM/yyyy HH:mm)"),
                max: 16,
                initial: due
            )
        }
    }

    static func one(_ model: One, _ context: PageContext) -> any Component {
        let lang = context.lang
        let custody = model.custody
        let id = custody.id ?? .placeholder
        let errors = model.failed?.errors ?? FieldChecker()
        let status = custody.statusValue
        let facts: [(String, String)] = [
            (lang("Phương tiện", "Item"), itemName(custody, model.item)),
            (lang("Số hiệu", "Serial"), model.item?.serial ?? ""),
            (lang("Người nhận", "Holder"), custody.holderName),
            (lang("Lý do", "Reason"), custody.reason),
            (lang("Hẹn trả", "Due back"), VietnamTime.dateTime(custody.expectedReturnAt)),
            (
                lang("Tình trạng", "State"),
                lang(status.nameVi, status.nameEn)
                    + (custody.isOverdue(at: model.now) ? lang(" — quá hạn trả", " — overdue") : "")
            ),
            (
                lang("Người đề nghị", "Requested by"),
                custody.requestedByName + ", " + VietnamTime.dateTime(custody.requestedAt)
            ),
            (
                lang("Người duyệt", "Decided by"),
                [custody.decidedByName ?? "", custody.decidedAt.map(VietnamTime.dateTime) ?? ""]
                    .filter { !$0.isEmpty }.joined(separator: ", ")
            ),
            (lang("Lý do từ chối", "Why refused"), custody.refusalReason ?? ""),
            (
                lang("Người giao", "Handed over by"),
                [custody.handedByName ?? "", custody.handedAt.map(VietnamTime.dateTime) ?? ""]
                    .filter { !$0.isEmpty }.joined(separator: ", ")
            ),
            (lang("Người nhận xác nhận", "Receipt confirmed"), custody.receivedAt.map(VietnamTime.dateTime) ?? ""),
            (
                lang("Đã trả", "Returned"),
                [
                    custody.returnedAt.map(VietnamTime.dateTime) ?? "",
                    custody.conditionValue.map { lang($0.nameVi, $0.nameEn) } ?? "", custody.returnNote ?? "",
                    custody.returnedToName.map { lang("người nhận lại: ", "received by ") + $0 } ?? "",
                ]
                .filter { !$0.isEmpty }.joined(separator: ", ")
            ),
        ]
        return Div {
            H1(lang("Cấp phát phương tiện", "Equipment issue"))
            for field in ["custody", "item", "staff", "quantity"] {
                if let error = errors.message(for: field, lang) {
                    Paragraph(error).class("flash flash-error").attribute(named: "role", value: "alert")
                }
            }
            El("dl", ["class": "facts"]) {
                for (term, value) in facts where !value.isEmpty {
                    El("dt") { Text(term) }
                    El("dd") { Text(value) }
                }
            }
            if status == .pending && model.canApprove {
                PostForm(url: .custody(.approve(id)), csrf: context.csrf, class: "inline") {
                    Button(lang("Duyệt cấp phát", "Approve")).attribute(named: "type", value: "submit")
                }
                refuse(model, context)
            }
            if status == .approved && model.canManage {
                PostForm(url: .custody(.hand(id)), csrf: context.csrf, class: "inline") {
                    Button(lang("Giao cho người nhận", "Hand over")).attribute(named: "type", value: "submit")
                }
            }
            if status == .handed && model.isHolder {
                PostForm(url: .custody(.receive(id)), csrf: context.csrf, class: "inline") {
                    Button(lang("Tôi xác nhận đã nhận", "I confirm receipt")).attribute(named: "type", value: "submit")
                }
            }
            if status == .issued && model.canManage { giveBack(model, context) }
            CustodyLinks(canManage: model.canManage, lang: lang)
        }
    }

    private static func refuse(_ model: One, _ context: PageContext) -> any Component {
        let lang = context.lang
        let form = NamedForm(name: refuseForm, failed: model.failed, context: context)
        return form.section(lang("Từ chối", "Refuse"), url: .custody(.refuse(model.custody.id ?? .placeholder))) {
            form.text("refusal_reason", lang("Lý do từ chối", "Why"), max: CustodyLimits.reason)
        }
    }

    private static func giveBack(_ model: One, _ context: PageContext) -> any Component {
        let lang = context.lang
        let form = NamedForm(name: returnForm, failed: model.failed, context: context)
        let conditions = EquipmentCustody.Condition.allCases.map {
            (value: $0.rawValue, label: lang($0.nameVi, $0.nameEn))
        }
        return form.section(
            lang("Nhận lại phương tiện", "Take it back"),
            url: .custody(.giveBack(model.custody.id ?? .placeholder)),
            open: true
        ) {
            form.select("condition", lang("Tình trạng khi trả", "Condition"), conditions, initial: "good")
            form.text("note", lang("Ghi chú (nếu có)", "Note (optional)"), required: false, max: CustodyLimits.note)
        }
    }
}

/// The links between custody's pages.
struct CustodyLinks: PlainComponent {
    var canManage: Bool
    var lang: Language

    var body: any Component {
        Div {
            Link(lang("Đang cấp phát", "Out now"), url: SiteURL.custody(.list).path)
            if canManage {
                Link(lang("Chứng nhận huấn luyện", "Training certificates"), url: SiteURL.custody(.certificates).path)
                Link(lang("Biên bản mất", "Loss reports"), url: SiteURL.custody(.lossReports).path)
                Link(lang("Sổ theo dõi công cụ hỗ trợ", "Custody book"), url: SiteURL.custody(.book).path)
            }
        }
        .class("filters")
    }
}
