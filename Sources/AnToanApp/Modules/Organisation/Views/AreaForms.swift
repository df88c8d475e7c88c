import AnToanCore
import Plot

/// The administrator's forms on the areas page: a new area, and a rename, merge or split from a date.
enum AreaForms {
    /// The part slots the split form offers; the API takes up to `AreaRegistry.maxSplitParts`.
    static let splitSlots = 1...3

    struct Model {
        /// Current areas, as `(id, "name (code)")`.
        var areas: [(value: String, label: String)] = []
        var failed: FormFailure?
    }

    static func view(_ model: Model, _ context: PageContext) -> any Component {
        let lang = context.lang
        let areas = model.areas
        let create = NamedForm(name: "create", failed: model.failed, context: context)
        let rename = NamedForm(name: SiteURL.AreaChange.rename.rawValue, failed: model.failed, context: context)
        let merge = NamedForm(name: SiteURL.AreaChange.merge.rawValue, failed: model.failed, context: context)
        let split = NamedForm(name: SiteURL.AreaChange.split.rawValue, failed: model.failed, context: context)
        let date = lang("Có hiệu lực từ ngày (dd/MM/yyyy)", "Takes effect on (dd/MM/yyyy)")
        return Div {
            H2(lang("Cập nhật địa bàn", "Change the areas"))
            create.section(lang("Thêm địa bàn", "Add an area"), url: .areas) {
                create.text("code", lang("Mã", "Code"), max: 32)
                create.text("name", lang("Tên", "Name"))
                create.select(
                    "kind",
                    lang("Cấp", "Kind"),
                    AreaKind.allCases.map { ($0.rawValue, OrganisationLabels.area($0.rawValue, lang)) }
                )
                create.select("parent_id", lang("Thuộc", "Within"), [("", "—")] + areas)
                create.text(
                    "valid_from",
                    lang("Từ ngày (dd/MM/yyyy, không bắt buộc)", "From (dd/MM/yyyy, optional)"),
                    required: false,
                    max: 10
                )
            }
            rename.section(lang("Đổi tên", "Rename"), url: .areaChange(.rename)) {
                rename.select("area_id", lang("Địa bàn", "Area"), areas)
                rename.text("name", lang("Tên mới", "New name"))
                rename.text("effective_date", date, max: 10)
            }
            merge.section(lang("Sáp nhập", "Merge"), url: .areaChange(.merge)) {
                merge.select("area_id", lang("Địa bàn được sáp nhập", "Area merged"), areas)
                merge.select("into_id", lang("Vào địa bàn", "Into"), areas)
                merge.text("effective_date", date, max: 10)
            }
            split.section(lang("Chia tách", "Split"), url: .areaChange(.split)) {
                Paragraph(
                    lang(
                        "Ghi mã đơn vị và mã cơ quan quản lý của từng phần, cách nhau bởi dấu phẩy. Đơn vị, cơ quan "
                            + "không được ghi và tài khoản quản lý địa bàn cũ thuộc phần 1; phòng ban đi theo đơn vị.",
                        "List the unit codes and supervising body codes of each part, separated by commas. Units and "
                            + "bodies not listed, and accounts scoped to the old area, go to part 1; departments "
                            + "follow their unit."
                    )
                )
                .class("muted")
                split.select("area_id", lang("Địa bàn được chia", "Area to split"), areas)
                split.text("effective_date", date, max: 10)
                for slot in splitSlots {
                    El("fieldset") {
                        El("legend") { Text(lang("Phần \(slot)", "Part \(slot)")) }
                        split.text("part\(slot)_code", lang("Mã", "Code"), required: slot <= 2, max: 32)
                        split.text("part\(slot)_name", lang("Tên", "Name"), required: slot <= 2)
                        split.text(
                            "part\(slot)_units",
                            lang("Mã các đơn vị", "Unit codes"),
                            required: false,
                            max: 2000
                        )
                        split.text(
                            "part\(slot)_bodies",
                            lang("Mã các cơ quan quản lý", "Supervising body codes"),
                            required: false,
                            max: 500
                        )
                    }
                }
            }
        }
    }
}
