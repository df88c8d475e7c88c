import Plot

/// The sign-in form.
enum LoginPage {
    struct Model {
        var username = ""
        var error: String?
        /// No account exists yet: say where the one-time set-up link is.
        var firstRun = false
        /// The page of this site to open after signing in (a deep link followed while signed out).
        var next: String?
    }

    static func view(_ model: Model, _ context: PageContext) -> any Component {
        let lang = context.lang
        return Div {
            H1(lang("Đăng nhập", "Sign in"))
            if model.firstRun {
                Paragraph(
                    lang(
                        "Chưa có quản trị viên. Liên kết thiết lập dùng một lần đã được in ra nơi máy chủ được khởi "
                            + "động (cửa sổ dòng lệnh hoặc nhật ký của lệnh antoan serve). Mở liên kết đó để đặt "
                            + "tài khoản quản trị đầu tiên.",
                        "There is no administrator yet. A one-time set-up link was printed where the server was "
                            + "started (the console or log of antoan serve). Open that link to create the first "
                            + "administrator account."
                    )
                )
                .class("flash flash-info")
            }
            if let error = model.error {
                Paragraph(error).class("flash flash-error").attribute(named: "role", value: "alert")
            }
            PostForm(url: .login, csrf: context.csrf) {
                if let next = model.next {
                    Input(type: .hidden, name: "next", value: next)
                }
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
            // Citizens and staff send a tip without an account.
            Paragraph {
                Link(lang("Gửi tin báo / tố giác", "Send a tip"), url: SiteURL.tips(.submit).path).class("tip-link")
                Text(lang(" (không cần tài khoản, có thể ẩn danh)", " (no account needed, may be anonymous)"))
            }
            Paragraph {
                Link(lang("Theo dõi tin báo đã gửi", "Follow a tip you sent"), url: SiteURL.tips(.follow).path)
            }
        }
        .class("card")
    }
}
