import AnToanCore
import Foundation
import Plot

/// A unit's edit form: who it is, how to reach it, and its weekly rest days, which decide its compensatory days
/// off and its rosters' weekends.
enum UnitEditPage {
    static let formName = "unit-edit"

    struct Model {
        var unitID: UUID
        var name: String
        /// The form's current values, by field.
        var values: [String: String]
        /// The rest days that apply while the unit has not chosen.
        var standardRest: WeeklyRest
        var failed: FormFailure?
    }

    static func view(_ model: Model, _ context: PageContext) -> any Component {
        let lang = context.lang
        let form = NamedForm(name: formName, failed: model.failed, context: context)
        let initial = { (field: String) in model.values[field] ?? "" }
        return Div {
            H1(lang("Sửa thông tin \(model.name)", "Edit \(model.name)"))
            Paragraph {
                Link(lang("← Về trang đơn vị", "← Back to the unit"), url: SiteURL.unit(model.unitID).path)
            }
            form.section(lang("Lưu thông tin đơn vị", "Save the unit"), url: .unitEdit(model.unitID), open: true) {
                form.text("name", lang("Tên đơn vị", "Name"), initial: initial("name"))
                form.select(
                    "kind",
                    lang("Loại", "Kind"),
                    UnitKind.allCases.map { ($0.rawValue, OrganisationLabels.kind($0, lang)) },
                    initial: initial("kind")
                )
                form.select(
                    "enterprise_size",
                    lang("Quy mô doanh nghiệp (chỉ doanh nghiệp)", "Enterprise size (enterprises only)"),
                    RegistryForms.options(EnterpriseSize.self, optional: true),
                    initial: initial("enterprise_size")
                )
                form.select(
                    "school_level",
                    lang("Cấp học (chỉ trường học)", "School level (schools only)"),
                    RegistryForms.options(SchoolLevel.self, optional: true),
                    initial: initial("school_level")
                )
                form.text("address", lang("Địa chỉ", "Address"), max: 300, initial: initial("address"))
                form.text(
                    "phone",
                    lang("Điện thoại", "Phone"),
                    type: .tel,
                    required: false,
                    max: 30,
                    initial: initial("phone")
                )
                form.text("email", "E-mail", type: .email, required: false, max: 254, initial: initial("email"))
                form.text(
                    "head_name",
                    lang("Thủ trưởng", "Head"),
                    required: false,
                    max: 120,
                    initial: initial("head_name")
                )
                form.select(
                    "weekly_rest",
                    lang("Ngày nghỉ hằng tuần", "Weekly rest days"),
                    [
                        (
                            "",
                            lang(
                                "Theo loại đơn vị (\(model.standardRest.nameVi))",
                                "The standard for the unit's kind (\(model.standardRest.nameEn))"
                            )
                        )
                    ] + WeeklyRest.allCases.map { ($0.rawValue, lang($0.nameVi, $0.nameEn)) },
                    initial: initial("weekly_rest")
                )
            }
            Paragraph(
                lang(
                    "Ngày lễ, Tết trùng ngày nghỉ hằng tuần thì được nghỉ bù vào ngày làm việc kế tiếp (Bộ luật Lao "
                        + "động 2019, Điều 111–112); lịch trực tính cuối tuần và ngày nghỉ bù theo ngày nghỉ này.",
                    "A holiday on a weekly rest day is made up on the next working day (Labour Code 2019, Articles "
                        + "111–112); rosters take their weekends and compensatory days from these rest days."
                )
            )
            .class("muted")
        }
    }
}
