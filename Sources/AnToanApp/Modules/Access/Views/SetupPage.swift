import Plot

/// The one-time page where the first administrator chooses a username and password.
enum SetupPage {
    struct Model {
        var token: String
        var username = "admin"
        var displayName = ""
        var errors = FieldChecker()
    }

    static func view(_ model: Model, _ context: PageContext) -> any Component {
        let lang = context.lang
        return Div {
            H1(lang("Thiết lập quản trị viên đầu tiên", "Set up the first administrator"))
            Paragraph(
                lang(
                    "Liên kết này chỉ dùng được một lần. Mật khẩu cần ít nhất 12 ký tự.",
                    "This link works once. The password needs at least 12 characters."
                )
            )
            PostForm(url: .setup(token: model.token), csrf: context.csrf) {
                FormField(
                    name: "username",
                    label: lang("Tên đăng nhập", "Username"),
                    value: model.username,
                    error: model.errors.message(for: "username", lang),
                    autocomplete: "username",
                    maxLength: 64
                )
                FormField(
                    name: "display_name",
                    label: lang("Họ và tên", "Full name"),
                    value: model.displayName,
                    error: model.errors.message(for: "display_name", lang),
                    autocomplete: "name",
                    required: false,
                    maxLength: 120
                )
                FormField(
                    name: "password",
                    label: lang("Mật khẩu", "Password"),
                    type: .password,
                    error: model.errors.message(for: "password", lang),
                    autocomplete: "new-password",
                    maxLength: 128
                )
                FormField(
                    name: "password_confirm",
                    label: lang("Nhập lại mật khẩu", "Repeat the password"),
                    type: .password,
                    error: model.errors.message(for: "password_confirm", lang),
                    autocomplete: "new-password",
                    maxLength: 128
                )
                Button(lang("Lưu và đăng nhập", "Save and sign in")).attribute(named: "type", value: "submit")
            }
        }
        .class("card")
    }
}
