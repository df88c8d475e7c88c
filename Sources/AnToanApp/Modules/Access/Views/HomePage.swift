import AnToanCore
import Plot

/// The first page after signing in: who you are, what you may do.
enum HomePage {
    struct Model {
        var displayName: String
        var role: Role
        var scope: String
        /// What the modules show the person first (their shift today, whom to call).
        var cards: [HomeCard] = []
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
            for card in model.cards {
                Div {
                    H2(card.title)
                    El("dl") {
                        for line in card.lines {
                            El("dt") { Text(line.label) }
                            El("dd") {
                                Text(line.text)
                                if let phone = line.phone {
                                    Text(" · ")
                                    Link(phone, url: "tel:" + phone.filter { $0.isNumber || $0 == "+" }).class("tel")
                                }
                            }
                        }
                    }
                    if let action = card.action {
                        Paragraph { Link(action.label, url: action.url).class("button") }
                    }
                }
                .class("card").id(card.id)
            }
            if let principal = context.principal {
                H2(lang("Bạn có thể", "You can"))
                List(NavItem.visible(to: principal).filter { $0.url.path != SiteURL.home.path }) { item in
                    Link(lang(item.vi, item.en), url: item.url.path)
                }
            }
        }
    }
}
