import Plot

/// Changing one's own password.
enum PasswordPage {
    static func view(_ errors: FieldChecker, _ context: PageContext) -> any Component {
        let lang = context.lang
        return Div {
            H1(lang("Đổi mật khẩu", "Change password"))
            PostForm(url: .password, csrf: context.csrf) {
                FormField(
                    name: "current_password",
                    label: lang("Mật khẩu hiện tại", "Current password"),
                    type: .password,
                    error: errors.message(for: "current_password", lang),
                    autocomplete: "current-password",
                    maxLength: 128
                )
                FormField(
                    name: "password",
                    label: lang("Mật khẩu mới", "New password"),
                    type: .password,
                    error: errors.message(for: "password", lang),
                    autocomplete: "new-password",
                    maxLength: 128
                )
                FormField(
                    name: "password_confirm",
                    label: lang("Nhập lại mật khẩu mới", "Repeat the new password"),
                    type: .password,
                    error: errors.message(for: "password_confirm", lang),
                    autocomplete: "new-password",
                    maxLength: 128
                )
                Button(lang("Đổi mật khẩu", "Change password")).attribute(named: "type", value: "submit")
            }
        }
        .class("card")
    }
}
