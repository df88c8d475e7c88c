import AnToanCore
import Plot

/// The first page after signing in: who you are, what you may do.
enum HomePage {
    struct Model {
        var displayName: String
        var role: Role
        var scope: String
    }

    static func view(_ model: Model, _ context: PageContext) -> any Component {
        let lang = context.lang
        return Div {
            H1(lang("Xin chào, \(model.displayName)", "Hello, \(model.displayName)"))
            Div {
                Paragraph {
                    Text(lang("Vai trò: ", "Role: "))
                    Span(lang(model.role.nameVi, model.role.nameEn)).class("who")
                }
                Paragraph {
                    Text(lang("Phạm vi: ", "Scope: "))
                    Span(model.scope)
                }
            }
            .class("card")
            if let principal = context.principal {
                H2(lang("Bạn có thể", "You can"))
                List(NavItem.visible(to: principal).filter { $0.url.path != SiteURL.home.path }) { item in
                    Link(lang(item.vi, item.en), url: item.url.path)
                }
            }
        }
    }
}
