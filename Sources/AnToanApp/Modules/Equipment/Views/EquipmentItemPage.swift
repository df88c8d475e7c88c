import AnToanCore
import Foundation
import Plot

/// One item: what it is, where it is kept, its status and permits, with the forms to change them. Its QR label
/// opens this page, so a guard with a phone lands here.
enum EquipmentItemPage {
    struct Model {
        var item: EquipmentItem
        var names: EquipmentQueries.Names
        var permits: [EquipmentPermit]
        var canManage: Bool
        var today: SolarDate
        var custody: CustodySection.Model
        var upkeep: UpkeepSection.Model
        var failed: FormFailure?
    }

    static let statusForm = "status"
    static let permitForm = "permit"

    static func view(_ model: Model, _ context: PageContext) -> any Component {
        let lang = context.lang
        let item = model.item
        let id = item.id ?? .placeholder
        let kind = item.kindValue
        let facts: [(String, String)] = [
            (lang("Đơn vị", "Unit"), model.names.units[item.unitID] ?? ""),
            (lang("Nhóm", "Category"), lang(kind.category.nameVi, kind.category.nameEn)),
            (lang("Loại", "Kind"), lang(kind.nameVi, kind.nameEn)),
            (lang("Nhãn hiệu, kiểu", "Brand and model"), item.brandModel),
            (lang("Số hiệu", "Serial"), item.serial ?? ""),
            (lang("Dung tích, cỡ", "Capacity"), item.capacity),
            (lang("Thuộc", "Belongs to"), lang(item.ownerValue.nameVi, item.ownerValue.nameEn)),
            (lang("Nơi cất giữ", "Kept at"), EquipmentWords.place(item, model.names)),
            (lang("Tình trạng", "Status"), EquipmentWords.status(item, model.names, lang)),
            (lang("Số lượng", "Quantity"), kind.isCounted ? EquipmentWords.stock(item, lang) : ""),
            (lang("Đưa vào sử dụng", "In service since"), EquipmentWords.day(item.commissionedOn)),
            (lang("Ghi chú", "Notes"), item.notes),
        ]
        return Div {
            H1(item.displayName)
            if item.isBelowMinimum {
                Paragraph(lang("Dưới mức tồn kho tối thiểu.", "Below the minimum stock.")).class("field-error")
                    .attribute(named: "role", value: "alert")
            }
            El("dl", ["class": "facts"]) {
                for (term, value) in facts where !value.isEmpty {
                    El("dt") { Text(term) }
                    El("dd") { Text(value) }
                }
            }
            Div {
                Link(lang("Về sổ thiết bị", "Back to the registry"), url: SiteURL.equipment(.list).path)
                if model.canManage {
                    Link(lang("Sửa thông tin", "Edit"), url: SiteURL.equipment(.edit(id)).path)
                    Link(
                        lang("In tem QR", "Print its QR label"),
                        url: SiteURL.equipment(.labels).path + "?item=\(id.uuidString.lowercased())"
                    )
                }
            }
            .class("filters")
            UpkeepSection.render(model.upkeep, lang: context.lang)
            CustodySection.view(model.custody, context)
            permits(model, context)
            if model.canManage && item.statusValue != .disposed { statusSection(model, context) }
        }
    }

    private static func permits(_ model: Model, _ context: PageContext) -> any Component {
        let lang = context.lang
        let needsPermit = model.item.categoryValue == .supportTool || model.item.categoryValue == .weapon
        return Div {
            if needsPermit || !model.permits.isEmpty {
                H2(lang("Giấy phép", "Permits"))
                if model.permits.isEmpty {
                    Paragraph(lang("Chưa ghi giấy phép nào.", "No permit recorded.")).class("muted")
                } else {
                    DataTable(headers: [
                        lang("Loại", "Kind"), lang("Số", "Number"), lang("Nơi cấp", "Issued by"),
                        lang("Hiệu lực", "Valid"), "",
                    ]) {
                        for permit in model.permits { permitRow(permit, model, context) }
                    }
                }
                if model.canManage { permitForm(model, context) }
            }
        }
    }

    private static func permitRow(_ permit: EquipmentPermit, _ model: Model, _ context: PageContext) -> any Component {
        let lang = context.lang
        let expired = permit.validUntil.map { $0 < model.today.iso } ?? false
        var valid = lang("từ ", "from ") + EquipmentWords.day(permit.issuedOn)
        if let until = permit.validUntil { valid += lang(" đến ", " to ") + EquipmentWords.day(until) }
        if expired { valid += lang(" – đã hết hạn", " – expired") }
        return El("tr") {
            TableCell(lang(permit.kindValue.nameVi, permit.kindValue.nameEn)).attribute(
                named: "data-label",
                value: lang("Loại", "Kind")
            )
            TableCell(permit.number).attribute(named: "data-label", value: lang("Số", "Number"))
            TableCell(permit.issuer).attribute(named: "data-label", value: lang("Nơi cấp", "Issued by"))
            TableCell(valid).attribute(named: "data-label", value: lang("Hiệu lực", "Valid")).class(
                expired ? "field-error" : ""
            )
            TableCell {
                if model.canManage {
                    PostForm(
                        url: .equipment(.permitRemove(permit.id ?? .placeholder)),
                        csrf: context.csrf,
                        class: "inline"
                    ) {
                        Button(lang("Xoá", "Remove")).attribute(named: "type", value: "submit").class("secondary")
                    }
                }
            }
        }
    }

    private static func permitForm(_ model: Model, _ context: PageContext) -> any Component {
        let lang = context.lang
        let form = NamedForm(name: permitForm, failed: model.failed, context: context)
        let kinds = PermitKind.allCases.map { ($0.rawValue, lang($0.nameVi, $0.nameEn)) }
        return form.section(
            lang("Ghi giấy phép", "Record a permit"),
            url: .equipment(.permits(model.item.id ?? .placeholder))
        ) {
            form.select("kind", lang("Loại giấy phép", "Kind"), kinds, initial: PermitKind.use.rawValue)
            form.text("number", lang("Số giấy phép", "Permit number"), max: EquipmentLimits.permitNumber)
            form.text(
                "issuer",
                lang("Cơ quan cấp (Cảnh sát QLHC về TTXH …)", "Issued by (police office)"),
                max: EquipmentLimits.issuer
            )
            form.text("issued_on", lang("Ngày cấp (dd/MM/yyyy)", "Issued on (dd/MM/yyyy)"), max: 10)
            form.text(
                "valid_until",
                lang("Có giá trị đến (dd/MM/yyyy, nếu có)", "Valid until (dd/MM/yyyy, if any)"),
                required: false,
                max: 10
            )
        }
    }

    private static func statusSection(_ model: Model, _ context: PageContext) -> any Component {
        let lang = context.lang
        let form = NamedForm(name: statusForm, failed: model.failed, context: context)
        let current = model.item.statusValue
        let choices: [EquipmentStatus] = [.inStore, .underRepair, .disposed].filter { $0 != current }
        return Div {
            if current == .issued {
                Paragraph(
                    lang(
                        "Đang cấp phát: tình trạng đổi khi nhận lại.",
                        "Out with its holder: the status changes on return."
                    )
                ).class("muted")
            } else {
                form.section(
                    lang("Đổi tình trạng", "Change the status"),
                    url: .equipment(.status(model.item.id ?? .placeholder))
                ) {
                    form.select(
                        "status",
                        lang("Tình trạng mới", "New status"),
                        choices.map { ($0.rawValue, lang($0.nameVi, $0.nameEn)) },
                        initial: choices.first?.rawValue ?? ""
                    )
                }
            }
        }
    }
}
