import AnToanCore
import Foundation
import Plot

/// The registry of a unit (or, for an authority, of the units of its area): category tabs, a status filter and a
/// search, one page of items with their place, status and holder, and the links to register items, print their
/// QR labels and import a spreadsheet.
enum EquipmentListPage {
    struct Model {
        var unitName: String
        var filter: EquipmentFilter
        var items: [EquipmentItem]
        var total: Int
        var names: EquipmentQueries.Names
        var showUnit: Bool
        var canManage: Bool
    }

    static func view(_ model: Model, _ context: PageContext) -> any Component {
        let lang = context.lang
        let filter = model.filter
        let pages = max(1, (model.total + EquipmentFilter.pageSize - 1) / EquipmentFilter.pageSize)
        return Div {
            H1(lang("Vũ khí, công cụ hỗ trợ, phương tiện PCCC", "Weapons, support tools, fire equipment"))
            if !model.unitName.isEmpty { Paragraph(model.unitName).class("muted") }
            Div {
                Link(lang("Kiểm tra, bảo dưỡng", "Checks and upkeep"), url: SiteURL.equipmentUpkeep(.list).path)
                Link(lang("Cấp phát, thu hồi", "Issues and returns"), url: SiteURL.custody(.list).path)
                Link(lang("Sổ nhập, cấp phát", "Receipts and issues"), url: SiteURL.equipment(.transfers).path)
                if model.canManage {
                    Link(lang("Ghi thêm vào sổ", "Register an item"), url: SiteURL.equipment(.new).path)
                    Link(
                        lang("In tem QR", "Print QR labels"),
                        url: SiteURL.equipment(.labels).path + query(filter, page: filter.page)
                    )
                }
            }
            .class("filters")
            Div {
                for category in [EquipmentCategory?.none] + EquipmentCategory.allCases.map(Optional.some) {
                    let text = category.map { lang($0.nameVi, $0.nameEn) } ?? lang("Tất cả", "All")
                    let chosen = filter.with(category: category)
                    if category == filter.category {
                        El("strong") { Text(text) }
                    } else {
                        Link(text, url: SiteURL.equipment(.list).path + query(chosen, page: 1))
                    }
                }
            }
            .class("filters")
            filterForm(model, context)
            Paragraph(
                lang("\(model.total) mục", "\(model.total) items")
                    + (pages > 1 ? lang(" · trang \(filter.page)/\(pages)", " · page \(filter.page) of \(pages)") : "")
            )
            .class("muted")
            if model.items.isEmpty {
                Paragraph(lang("Chưa có mục nào trong sổ.", "Nothing registered yet.")).class("muted")
            } else {
                DataTable(headers: headers(model, lang)) {
                    Markup { markup in
                        for item in model.items { row(item, model, lang, into: &markup) }
                    }
                }
            }
            if pages > 1 {
                Div {
                    if filter.page > 1 {
                        Link(
                            lang("← Trang trước", "← Previous"),
                            url: SiteURL.equipment(.list).path + query(filter, page: filter.page - 1)
                        )
                    }
                    if filter.page < pages {
                        Link(
                            lang("Trang sau →", "Next →"),
                            url: SiteURL.equipment(.list).path + query(filter, page: filter.page + 1)
                        )
                    }
                }
                .class("filters")
            }
        }
    }

    private static func headers(_ model: Model, _ lang: Language) -> [String] {
        var headers = [
            lang("Tên", "Name"), lang("Loại", "Kind"), lang("Nơi cất giữ", "Kept at"), lang("Tình trạng", "Status"),
        ]
        if model.showUnit { headers.insert(lang("Đơn vị", "Unit"), at: 0) }
        return headers
    }

    /// One item's row, written as markup: a page repeats it a hundred times.
    private static func row(_ item: EquipmentItem, _ model: Model, _ lang: Language, into markup: inout Markup) {
        markup.open("tr")
        if model.showUnit {
            markup.cell(lang("Đơn vị", "Unit"), text: model.names.units[item.unitID] ?? "")
        }
        markup.cell(lang("Tên", "Name")) { markup in
            markup.element(
                "a",
                ["href": SiteURL.equipment(.item(item.id ?? .placeholder)).path],
                text: item.displayName
            )
            if let serial = item.serial, !item.label.isEmpty {
                markup.element("div", ["class": "muted"], text: lang("Số hiệu ", "Serial ") + serial)
            }
            if item.kindValue.isCounted {
                markup.element(
                    "div",
                    ["class": item.isBelowMinimum ? "field-error" : "muted"],
                    text: EquipmentWords.stock(item, lang)
                )
            }
        }
        markup.cell(lang("Loại", "Kind"), text: lang(item.kindValue.nameVi, item.kindValue.nameEn))
        markup.cell(lang("Nơi cất giữ", "Kept at"), text: EquipmentWords.place(item, model.names))
        markup.cell(lang("Tình trạng", "Status"), text: EquipmentWords.status(item, model.names, lang))
        markup.close("tr")
    }

    private static func filterForm(_ model: Model, _ context: PageContext) -> any Component {
        let lang = context.lang
        let statuses =
            [("", lang("— Mọi tình trạng —", "— Any status —"))]
            + EquipmentStatus.allCases.map { ($0.rawValue, lang($0.nameVi, $0.nameEn)) }
        return Form(url: SiteURL.equipment(.list).path, method: .get) {
            Div {
                if let category = model.filter.category {
                    Input(type: .hidden, name: "category", value: category.rawValue)
                }
                if let unit = model.filter.unitID {
                    Input(type: .hidden, name: "unit", value: unit.uuidString.lowercased())
                }
                FormField(
                    name: "q",
                    label: lang("Tìm theo tên, số hiệu, nơi cất", "Search name, serial, place"),
                    value: model.filter.search,
                    required: false,
                    maxLength: 100
                )
                SelectField(
                    name: "status",
                    label: lang("Tình trạng", "Status"),
                    options: statuses,
                    selected: model.filter.status?.rawValue ?? "",
                    error: nil
                )
                Button(lang("Lọc", "Filter")).attribute(named: "type", value: "submit").class("secondary")
            }
            .class("filters")
        }
    }

    /// The query string of the list with `filter` at `page`.
    static func query(_ filter: EquipmentFilter, page: Int) -> String {
        var parts: [(String, String)] = []
        if let category = filter.category { parts.append(("category", category.rawValue)) }
        if let status = filter.status { parts.append(("status", status.rawValue)) }
        if let unit = filter.unitID { parts.append(("unit", unit.uuidString.lowercased())) }
        if !filter.search.isEmpty { parts.append(("q", filter.search)) }
        if page > 1 { parts.append(("page", String(page))) }
        guard !parts.isEmpty else { return "" }
        var components = URLComponents()
        components.queryItems = parts.map { URLQueryItem(name: $0.0, value: $0.1) }
        return "?" + (components.percentEncodedQuery ?? "")
    }
}

/// How an item is put in words on every equipment page.
enum EquipmentWords {
    /// "Kho vũ khí, tủ số 2 · Nhà A · chốt Cổng chính".
    static func place(_ item: EquipmentItem, _ names: EquipmentQueries.Names) -> String {
        var parts = [item.place]
        if let site = item.siteID.flatMap({ names.sites[$0] }) { parts.append(site) }
        let post = names.post(item)
        if !post.isEmpty { parts.append("chốt \(post)") }
        return parts.filter { !$0.isEmpty }.joined(separator: " · ")
    }

    /// The status, with the holder while issued.
    static func status(_ item: EquipmentItem, _ names: EquipmentQueries.Names, _ lang: Language) -> String {
        let status = item.statusValue
        var text = lang(status.nameVi, status.nameEn)
        if status == .issued, let holder = item.holderStaffID.flatMap({ names.staff[$0] }) {
            text += lang(" – người giữ: ", " – held by ") + holder
        }
        return text
    }

    /// "Còn 120 viên (tối thiểu 200)".
    static func stock(_ item: EquipmentItem, _ lang: Language) -> String {
        var text = lang("Còn \(item.quantity) \(item.measure)", "\(item.quantity) \(item.measure) in store")
        if item.minStock > 0 { text += lang(" (tối thiểu \(item.minStock))", " (minimum \(item.minStock))") }
        return text
    }

    static func day(_ iso: String?) -> String {
        guard let iso, !iso.isEmpty else { return "" }
        return SolarDate(iso: iso)?.dmy ?? iso
    }
}
