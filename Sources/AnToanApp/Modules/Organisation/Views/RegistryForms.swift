import AnToanCore
import Foundation
import Plot

/// The forms that add to the registry from its pages; each shows its own errors beside its fields.
enum RegistryForms {
    static func options<Kind: RawRepresentable & CaseIterable>(
        _ type: Kind.Type,
        optional: Bool = false
    ) -> [(value: String, label: String)]
    where Kind.RawValue == String {
        // People read the registry's Vietnamese word for a value (Nhỏ, Tiểu học, Tổ trưởng), never its code.
        let vocabulary = String(describing: Kind.self)
        return (optional ? [("", "— Không —")] : [])
            + Kind.allCases.map { ($0.rawValue, ImportVocabulary.label($0.rawValue, in: vocabulary)) }
    }

    /// A new top-level unit (administrators and authorities over its area).
    static func newUnit(
        areas: [(value: String, label: String)],
        failed: FormFailure?,
        _ context: PageContext
    ) -> any Component {
        let lang = context.lang
        let errors = FormFailure.errors(failed, "unit")
        let value = { (field: String) in FormFailure.value(failed, "unit", field) }
        let labels = [
            "code": lang("Mã đơn vị", "Code"), "name": lang("Tên đơn vị", "Name"), "kind": lang("Loại", "Kind"),
            "enterprise_size": lang("Quy mô doanh nghiệp", "Enterprise size"),
            "school_level": lang("Cấp học", "School level"), "area_id": lang("Địa bàn", "Area"),
            "address": lang("Địa chỉ", "Address"), "phone": lang("Điện thoại", "Phone"), "email": "E-mail",
            "head_name": lang("Thủ trưởng", "Head"),
        ]
        let summary = ErrorSummary(errors: errors, labels: labels, lang: lang)
        return El("details", failed?.form == "unit" ? ["open": "open"] : [:]) {
            El("summary") { Text(lang("Thêm đơn vị", "Add a unit")) }
            PostForm(url: .units, csrf: context.csrf, class: "card", summary: summary) {
                FormField(
                    name: "code",
                    label: lang("Mã đơn vị", "Code"),
                    value: value("code"),
                    error: errors.message(for: "code", lang),
                    maxLength: 32
                )
                FormField(
                    name: "name",
                    label: lang("Tên đơn vị", "Name"),
                    value: value("name"),
                    error: errors.message(for: "name", lang),
                    maxLength: 200
                )
                SelectField(
                    name: "kind",
                    label: lang("Loại", "Kind"),
                    options: UnitKind.allCases.map { ($0.rawValue, OrganisationLabels.kind($0, lang)) },
                    selected: value("kind"),
                    error: errors.message(for: "kind", lang)
                )
                SelectField(
                    name: "enterprise_size",
                    label: lang("Quy mô doanh nghiệp (chỉ doanh nghiệp)", "Enterprise size (enterprises only)"),
                    options: options(EnterpriseSize.self, optional: true),
                    selected: value("enterprise_size"),
                    error: errors.message(for: "enterprise_size", lang)
                )
                SelectField(
                    name: "school_level",
                    label: lang("Cấp học (chỉ trường học)", "School level (schools only)"),
                    options: options(SchoolLevel.self, optional: true),
                    selected: value("school_level"),
                    error: errors.message(for: "school_level", lang)
                )
                SelectField(
                    name: "area_id",
                    label: lang("Địa bàn", "Area"),
                    options: areas,
                    selected: value("area_id"),
                    error: errors.message(for: "area_id", lang)
                )
                FormField(
                    name: "address",
                    label: lang("Địa chỉ", "Address"),
                    value: value("address"),
                    error: errors.message(for: "address", lang),
                    maxLength: 300
                )
                FormField(
                    name: "phone",
                    label: lang("Điện thoại", "Phone"),
                    type: .tel,
                    value: value("phone"),
                    error: errors.message(for: "phone", lang),
                    required: false,
                    maxLength: 30
                )
                FormField(
                    name: "email",
                    label: "E-mail",
                    type: .email,
                    value: value("email"),
                    error: errors.message(for: "email", lang),
                    required: false,
                    maxLength: 254
                )
                FormField(
                    name: "head_name",
                    label: lang("Thủ trưởng", "Head"),
                    value: value("head_name"),
                    error: errors.message(for: "head_name", lang),
                    required: false,
                    maxLength: 120
                )
                Button(lang("Thêm đơn vị", "Add the unit")).attribute(named: "type", value: "submit")
            }
        }
    }

    /// Departments, sites, systems, staff and force memberships of one unit.
    static func unitParts(
        unitID: UUID,
        sites: [(value: String, label: String)],
        staff: [(value: String, label: String)],
        failed: FormFailure?,
        _ context: PageContext
    ) -> any Component {
        let lang = context.lang
        // Field ids start with the part: several forms of the unit's page have a code, a name or a kind.
        var labels: [String: [String: String]] = [:]
        func form(
            _ part: SiteURL.UnitPart,
            _ title: String,
            @ComponentBuilder fields: () -> any Component
        ) -> any Component {
            let body = fields()
            let summary = ErrorSummary(
                errors: FormFailure.errors(failed, part.rawValue),
                labels: labels[part.rawValue] ?? [:],
                idPrefix: "\(part.rawValue)-",
                lang: lang
            )
            return El("details", failed?.form == part.rawValue ? ["open": "open"] : [:]) {
                El("summary") { Text(title) }
                PostForm(url: .unitPart(unitID, part), csrf: context.csrf, class: "card", summary: summary) {
                    body
                    Button(title).attribute(named: "type", value: "submit")
                }
            }
        }
        func field(
            _ part: SiteURL.UnitPart,
            _ name: String,
            _ label: String,
            type: HTMLInputType = .text,
            required: Bool = true,
            max: Int = 200
        )
            -> any Component
        {
            labels[part.rawValue, default: [:]][name] = label
            return FormField(
                name: name,
                label: label,
                type: type,
                value: FormFailure.value(failed, part.rawValue, name),
                error: FormFailure.errors(failed, part.rawValue).message(for: name, lang),
                required: required,
                maxLength: max,
                id: "\(part.rawValue)-\(name)"
            )
        }
        func select(
            _ part: SiteURL.UnitPart,
            _ name: String,
            _ label: String,
            _ options: [(value: String, label: String)]
        ) -> any Component {
            labels[part.rawValue, default: [:]][name] = label
            return SelectField(
                name: name,
                label: label,
                options: options,
                selected: FormFailure.value(failed, part.rawValue, name),
                error: FormFailure.errors(failed, part.rawValue).message(for: name, lang),
                id: "\(part.rawValue)-\(name)"
            )
        }
        return Div {
            H2(lang("Cập nhật", "Add"))
            form(.staff, lang("Thêm cán bộ", "Add a staff member")) {
                field(.staff, "full_name", lang("Họ và tên", "Full name"), max: 120)
                field(.staff, "position", lang("Chức vụ", "Position"), max: 120)
                field(.staff, "phone", lang("Điện thoại", "Phone"), type: .tel, required: false, max: 30)
                field(.staff, "email", "E-mail", type: .email, required: false, max: 254)
                select(
                    .staff,
                    "is_leader",
                    lang("Lãnh đạo", "Leader"),
                    [("false", lang("Không", "No")), ("true", lang("Có", "Yes"))]
                )
                field(
                    .staff,
                    "identity_number",
                    lang("Số CCCD (không bắt buộc)", "Citizen ID (optional)"),
                    required: false,
                    max: 12
                )
                field(
                    .staff,
                    "account",
                    lang("Tài khoản đăng nhập (không bắt buộc)", "Sign-in account (optional)"),
                    required: false,
                    max: 64
                )
            }
            form(.memberships, lang("Thêm vào lực lượng", "Add to a force")) {
                select(.memberships, "staff_id", lang("Cán bộ", "Staff member"), staff)
                select(
                    .memberships,
                    "force",
                    lang("Lực lượng", "Force"),
                    ForceKind.allCases.map { ($0.rawValue, OrganisationLabels.force($0.rawValue, lang)) }
                )
                select(.memberships, "role", lang("Vai trò", "Role"), options(ForceRole.self))
                field(.memberships, "start_date", lang("Từ ngày (dd/MM/yyyy)", "From (dd/MM/yyyy)"), max: 10)
                field(
                    .memberships,
                    "certificate_number",
                    lang("Số giấy chứng nhận", "Certificate number"),
                    required: false,
                    max: 64
                )
                field(
                    .memberships,
                    "certificate_issued",
                    lang("Ngày cấp (dd/MM/yyyy)", "Issued (dd/MM/yyyy)"),
                    required: false,
                    max: 10
                )
            }
            form(.departments, lang("Thêm phòng ban", "Add a department")) {
                field(.departments, "code", lang("Mã", "Code"), max: 32)
                field(.departments, "name", lang("Tên phòng ban", "Name"))
            }
            form(.sites, lang("Thêm vị trí", "Add a site")) {
                field(.sites, "code", lang("Mã", "Code"), max: 32)
                field(.sites, "name", lang("Tên", "Name"))
                select(
                    .sites,
                    "kind",
                    lang("Loại", "Kind"),
                    SiteKind.allCases.map { ($0.rawValue, OrganisationLabels.site($0.rawValue, lang)) }
                )
            }
            form(.systems, lang("Thêm hệ thống an ninh", "Add a security system")) {
                select(.systems, "site_id", lang("Vị trí", "Site"), sites)
                select(
                    .systems,
                    "kind",
                    lang("Loại", "Kind"),
                    SecuritySystemKind.allCases.map { ($0.rawValue, OrganisationLabels.system($0.rawValue, lang)) }
                )
                field(.systems, "count", lang("Số lượng", "Count"), type: .number, max: 5)
                select(
                    .systems,
                    "status",
                    lang("Tình trạng", "Status"),
                    SystemStatus.allCases.map { ($0.rawValue, OrganisationLabels.status($0.rawValue, lang)) }
                )
                field(
                    .systems,
                    "last_check",
                    lang("Kiểm tra lần cuối (dd/MM/yyyy)", "Last checked (dd/MM/yyyy)"),
                    required: false,
                    max: 10
                )
            }
        }
    }
}
