import AnToanCore
import Foundation
import Plot

/// Creating or editing an account; an administrator may also set a new password for it.
enum UserFormPage {
    struct Model {
        var id: UUID?
        var username = ""
        var displayName = ""
        var role = Role.unitSecurityOfficer.rawValue
        var unitID = ""
        var areaPath = ""
        var isActive = true
        var errors = FieldChecker()
    }

    static func view(_ model: Model, _ context: PageContext) -> any Component {
        let lang = context.lang
        let url: SiteURL = model.id.map(SiteURL.user) ?? .userNew
        return Div {
            H1(model.id == nil ? lang("Tạo tài khoản", "New account") : lang("Sửa tài khoản", "Edit account"))
            PostForm(url: url, csrf: context.csrf, class: "card") {
                if model.id == nil {
                    FormField(
                        name: "username",
                        label: lang("Tên đăng nhập", "Username"),
                        value: model.username,
                        error: model.errors.message(for: "username", lang),
                        autocomplete: "off",
                        maxLength: 64
                    )
                } else {
                    Paragraph {
                        Text(lang("Tên đăng nhập: ", "Username: "))
                        Span(model.username).class("who")
                    }
                }
                FormField(
                    name: "display_name",
                    label: lang("Họ và tên", "Full name"),
                    value: model.displayName,
                    error: model.errors.message(for: "display_name", lang),
                    maxLength: 120
                )
                SelectField(
                    name: "role",
                    label: lang("Vai trò", "Role"),
                    options: Role.allCases.map { ($0.rawValue, lang($0.nameVi, $0.nameEn)) },
                    selected: model.role,
                    error: model.errors.message(for: "role", lang)
                )
                FormField(
                    name: "area_path",
                    label: lang("Mã địa bàn (vd. /79/26734/)", "Area path (e.g. /79/26734/)"),
                    value: model.areaPath,
                    error: model.errors.message(for: "area_path", lang),
                    required: false,
                    maxLength: 200
                )
                FormField(
                    name: "unit_id",
                    label: lang("Mã đơn vị (với vai trò của đơn vị)", "Unit id (for unit roles)"),
                    value: model.unitID,
                    error: model.errors.message(for: "unit_id", lang),
                    required: false,
                    maxLength: 36
                )
                if model.id == nil {
                    FormField(
                        name: "password",
                        label: lang("Mật khẩu ban đầu", "Initial password"),
                        type: .password,
                        error: model.errors.message(for: "password", lang),
                        autocomplete: "new-password",
                        maxLength: 128
                    )
                } else {
                    SelectField(
                        name: "is_active",
                        label: lang("Trạng thái", "Status"),
                        options: [("true", lang("Đang dùng", "Active")), ("false", lang("Khoá", "Disabled"))],
                        selected: model.isActive ? "true" : "false",
                        error: model.errors.message(for: "is_active", lang)
                    )
                }
                Button(lang("Lưu", "Save")).attribute(named: "type", value: "submit")
            }
            if let id = model.id {
                H2(lang("Đặt lại mật khẩu", "Reset the password"))
                PostForm(url: .userResetPassword(id), csrf: context.csrf, class: "card") {
                    FormField(
                        name: "password",
                        label: lang("Mật khẩu mới", "New password"),
                        type: .password,
                        error: model.errors.message(for: "password", lang),
                        autocomplete: "new-password",
                        maxLength: 128
                    )
                    Button(lang("Đặt lại", "Reset")).attribute(named: "type", value: "submit").class("danger")
                }
            }
        }
    }
}
