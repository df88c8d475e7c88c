import Plot

/// The sign-in form.
enum LoginPage {
    struct Model {
        var username = ""
        var error: String?
    }

    static func view(_ model: Model, _ context: PageContext) -> any Component {
        let lang = context.lang
        return Div {
            H1(lang("Đăng nhập", "Sign in"))
            if let error = model.error {
                Paragraph(error).class("flash flash-error").attribute(named: "role", value: "alert")
            }
            PostForm(url: .login, csrf: context.csrf) {
                FormField(
                    name: "username",
                    label: lang("Tên đăng nhập", "Username"),
                    value: model.username,
                    autocomplete: "username",
                    maxLength: 64
                )
                FormField(
                    name: "password",
                    label: lang("Mật khẩu", "Password"),
                    type: .password,
                    autocomplete: "current-password",
                    maxLength: 128
                )
                Button(lang("Đăng nhập", "Sign in")).attribute(named: "type", value: "submit")
            }
        }
        .class("card")
    }
}
