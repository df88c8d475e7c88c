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
        /// What was typed to find a unit or an area by name.
        var search = ""
        /// The units offered, the chosen one (if any) first.
        var units: [ScopeChoices.Choice] = []
        /// The areas offered, the chosen one (if any) first.
        var areas: [ScopeChoices.Choice] = []
        var unitID: UUID?
        var areaID: UUID?
        var isActive = true
        var errors = FieldChecker()
    }

    /// The unit (for a unit's roles) or area (for an authority's roles) of the account, found by name: a search
    /// that posts the form back to list the matches as radio buttons, no script and no id or path typed.
    private static func scopeChoice(_ model: Model, _ lang: Language) -> any Component {
        Div {
            H2(lang("Phạm vi", "Scope"))
            Paragraph(
                lang(
                    "Vai trò của đơn vị cần chọn đơn vị; vai trò của cơ quan quản lý cần chọn địa bàn. Gõ tên "
                        + "(không cần dấu) rồi bấm Tìm.",
                    "A unit's role needs a unit; an authority's role needs an area. Type a name (marks optional) "
                        + "and press Find."
                )
            )
            .class("muted")
            Div {
                FormField(
                    name: "scope_q",
                    label: lang("Tìm đơn vị hoặc địa bàn theo tên", "Find a unit or area by name"),
                    value: model.search,
                    required: false,
                    maxLength: 100
                )
                Button(lang("Tìm", "Find")).attribute(named: "type", value: "submit")
                    .attribute(named: "name", value: "find").attribute(named: "value", value: "1")
                    .attribute(named: "formnovalidate", value: "formnovalidate").class("secondary")
            }
            .class("filters")
            choices(
                name: "unit_id",
                legend: lang("Đơn vị", "Unit"),
                model.units,
                selected: model.unitID,
                error: model.errors.message(for: "unit_id", lang)
            )
            choices(
                name: "area_id",
                legend: lang("Địa bàn", "Area"),
                model.areas,
                selected: model.areaID,
                error: model.errors.message(for: "area_id", lang) ?? model.errors.message(for: "area_path", lang)
            )
            if !model.search.isEmpty, model.units.isEmpty, model.areas.isEmpty {
                Paragraph(
                    lang(
                        "Không có đơn vị hay địa bàn nào khớp \u{201C}\(model.search)\u{201D}.",
                        "No unit or area matches \u{201C}\(model.search)\u{201D}."
                    )
                )
                .class("muted")
            }
        }
        .class("scope-choice")
    }

    /// One radio button per unit or area, labelled with its name and where it is.
    private static func choices(
        name: String,
        legend: String,
        _ options: [ScopeChoices.Choice],
        selected: UUID?,
        error: String?
    ) -> any Component {
        Div {
            if !options.isEmpty || error != nil {
                El("fieldset", error == nil ? [:] : ["aria-invalid": "true", "aria-describedby": "\(name)-error"]) {
                    El("legend") { Text(legend) }
                    for (index, option) in options.enumerated() {
                        let id = "\(name)-\(index)"
                        Div {
                            El(
                                "input",
                                option.id == selected
                                    ? [
                                        "type": "radio", "name": name, "id": id, "value": option.id.uuidString,
                                        "checked": "checked",
                                    ]
                                    : ["type": "radio", "name": name, "id": id, "value": option.id.uuidString]
                            ) {}
                            Label(option.place.isEmpty ? option.name : "\(option.name) — \(option.place)") {}
                                .attribute(named: "for", value: id)
                        }
                        .class("choice")
                    }
                    if let error {
                        Paragraph(error).class("field-error").id("\(name)-error")
                    }
                }
                .id(name)
            }
        }
    }

    /// The summaries at the top of the account form and of the password reset: each lists its own fields' errors
    /// by their labels and links to them (an area's errors, "area_path" in the service, to the area's choice).
    private static func summaries(_ model: Model, _ lang: Language) -> (form: ErrorSummary, reset: ErrorSummary) {
        let labels = [
            "username": lang("Tên đăng nhập", "Username"), "display_name": lang("Họ và tên", "Full name"),
            "role": lang("Vai trò", "Role"), "unit_id": lang("Đơn vị", "Unit"), "area_id": lang("Địa bàn", "Area"),
            "is_active": lang("Trạng thái", "Status"),
            "password": model.id == nil
                ? lang("Mật khẩu ban đầu", "Initial password") : lang("Mật khẩu mới", "New password"),
        ]
        let errors = model.errors.errors.map { error in
            var error = error
            if error.field == "area_path" { error.field = "area_id" }
            return error
        }
        let reset = model.id == nil ? [] : errors.filter { $0.field == "password" }
        let form = model.id == nil ? errors : errors.filter { $0.field != "password" }
        return (
            ErrorSummary(errors: FieldChecker(form), labels: labels, lang: lang),
            ErrorSummary(errors: FieldChecker(reset), labels: labels, lang: lang)
        )
    }

    static func view(_ model: Model, _ context: PageContext) -> any Component {
        let lang = context.lang
        let url: SiteURL = model.id.map(SiteURL.user) ?? .userNew
        let summaries = summaries(model, lang)
        return Div {
            H1(model.id == nil ? lang("Tạo tài khoản", "New account") : lang("Sửa tài khoản", "Edit account"))
            PostForm(url: url, csrf: context.csrf, class: "card", summary: summaries.form) {
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
                scopeChoice(model, lang)
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
                PostForm(url: .userResetPassword(id), csrf: context.csrf, class: "card", summary: summaries.reset) {
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
