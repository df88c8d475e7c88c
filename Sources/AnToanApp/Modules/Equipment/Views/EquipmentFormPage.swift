import AnToanCore
import Foundation
import Plot

/// The form that registers an item or changes one: what it is, its serial or its stock, where it is kept and the
/// duty post whose handover counts it.
enum EquipmentFormPage {
    struct Model {
        var unitID: UUID
        var unitName: String
        /// The item being changed; nil for a new one.
        var item: EquipmentItem?
        /// (site id, name) of the unit's sites.
        var sites: [(String, String)]
        /// (post id, name) of the unit's duty posts.
        var posts: [(String, String)]
        var failed: FormFailure?
    }

    static let formName = "item"

    /// The kinds in the order a unit's officer looks for them: support tools and fire equipment first.
    static let categoryOrder: [EquipmentCategory] = [.supportTool, .fireEquipment, .securityDevice, .weapon]

    static func view(_ model: Model, _ context: PageContext) -> any Component {
        let lang = context.lang
        let item = model.item
        let form = NamedForm(name: formName, failed: model.failed, context: context)
        let kinds = categoryOrder.flatMap { category in
            EquipmentKind.of(category).map {
                ($0.rawValue, lang(category.nameVi, category.nameEn) + " – " + lang($0.nameVi, $0.nameEn))
            }
        }
        let owners = EquipmentOwner.allCases.map { ($0.rawValue, lang($0.nameVi, $0.nameEn)) }
        let none = ("", lang("— Không —", "— None —"))
        let url: SiteURL = item.flatMap { $0.id }.map { .equipment(.edit($0)) } ?? .equipment(.list)
        let title = item == nil ? lang("Ghi thêm vào sổ", "Register an item") : lang("Lưu", "Save")
        return Div {
            H1(item?.displayName ?? lang("Ghi thêm vào sổ", "Register an item"))
            Paragraph(model.unitName).class("muted")
            form.section(title, url: url, open: true) {
                if item == nil { Input(type: .hidden, name: "unit_id", value: model.unitID.uuidString.lowercased()) }
                form.select("kind", lang("Loại", "Kind"), kinds, initial: item?.kind ?? kinds.first?.0 ?? "")
                form.text(
                    "label",
                    lang("Tên gọi trong đơn vị (để trống: theo loại)", "Name in the unit (empty: the kind)"),
                    required: false,
                    max: EquipmentLimits.label,
                    initial: item?.label ?? ""
                )
                form.text(
                    "serial",
                    lang("Số hiệu (số sê-ri)", "Serial number"),
                    required: false,
                    max: EquipmentLimits.serial,
                    initial: item?.serial ?? ""
                )
                form.text(
                    "brand_model",
                    lang("Nhãn hiệu, kiểu", "Brand and model"),
                    required: false,
                    max: EquipmentLimits.brandModel,
                    initial: item?.brandModel ?? ""
                )
                form.text(
                    "capacity",
                    lang("Dung tích, cỡ (ví dụ 4 kg)", "Capacity or size (e.g. 4 kg)"),
                    required: false,
                    max: EquipmentLimits.capacity,
                    initial: item?.capacity ?? ""
                )
                form.select(
                    "owner",
                    lang("Thuộc lực lượng", "Belongs to"),
                    owners,
                    initial: item?.owner ?? EquipmentOwner.guardForce.rawValue
                )
                if !model.sites.isEmpty {
                    form.select(
                        "site_id",
                        lang("Khu vực, toà nhà", "Site"),
                        [none] + model.sites,
                        initial: item?.siteID?.uuidString.lowercased() ?? ""
                    )
                }
                form.text(
                    "place",
                    lang("Phòng, tủ, giá cất giữ", "Room, cabinet or shelf"),
                    required: false,
                    max: EquipmentLimits.place,
                    initial: item?.place ?? ""
                )
                if !model.posts.isEmpty {
                    form.select(
                        "post",
                        lang("Kiểm đếm khi giao ca tại chốt", "Counted at the handover of post"),
                        [none] + model.posts,
                        initial: item?.post ?? ""
                    )
                }
                form.text(
                    "quantity",
                    lang("Số lượng (đạn, hộp tiếp đạn)", "Quantity (rounds, cartridges)"),
                    type: .number,
                    required: false,
                    max: 10,
                    initial: item.map { $0.kindValue.isCounted ? String($0.quantity) : "" } ?? ""
                )
                form.text(
                    "min_stock",
                    lang("Tồn kho tối thiểu", "Minimum stock"),
                    type: .number,
                    required: false,
                    max: 10,
                    initial: item.map { $0.kindValue.isCounted && $0.minStock > 0 ? String($0.minStock) : "" } ?? ""
                )
                form.text(
                    "measure",
                    lang("Đơn vị tính (viên, hộp …)", "Unit of measure"),
                    required: false,
                    max: EquipmentLimits.measure,
                    initial: item.map { $0.kindValue.isCounted ? $0.measure : "" } ?? ""
                )
                form.text(
                    "commissioned_on",
                    lang("Ngày đưa vào sử dụng (dd/MM/yyyy)", "In service since (dd/MM/yyyy)"),
                    required: false,
                    max: 10,
                    initial: EquipmentWords.day(item?.commissionedOn)
                )
                TextAreaField(
                    name: "notes",
                    label: lang("Ghi chú", "Notes"),
                    value: form.value("notes", initial: item?.notes ?? ""),
                    error: form.error("notes"),
                    max: EquipmentLimits.notes,
                    required: false,
                    id: form.idPrefix + "notes"
                )
            }
            Link(lang("Về sổ thiết bị", "Back to the registry"), url: SiteURL.equipment(.list).path)
        }
    }
}
