import AnToanCore
import Foundation
import Plot

/// The list of accounts an administrator may see, searchable without diacritics.
enum UsersPage {
    struct Row {
        var id: UUID
        var username: String
        var displayName: String
        var role: Role
        var scope: String
        var isActive: Bool
    }

    struct Model {
        var rows: [Row]
        var search: String
        var page: Int
        var pageCount: Int
        var canCreate: Bool
    }

    static func view(_ model: Model, _ context: PageContext) -> any Component {
        let lang = context.lang
        return Div {
            H1(lang("Tài khoản", "Accounts"))
            SearchForm(url: .users, label: lang("Tìm theo tên", "Search by name"), value: model.search, lang: lang)
            if model.canCreate {
                Paragraph { Link(lang("Tạo tài khoản", "New account"), url: SiteURL.userNew.path).class("button") }
            }
            DataTable(headers: [
                lang("Họ và tên", "Name"), lang("Tên đăng nhập", "Username"), lang("Vai trò", "Role"),
                lang("Phạm vi", "Scope"), lang("Trạng thái", "Status"),
            ]) {
                for row in model.rows {
                    El("tr") {
                        TableCell { Link(row.displayName, url: SiteURL.user(row.id).path) }
                        TableCell(row.username)
                        TableCell(lang(row.role.nameVi, row.role.nameEn))
                        TableCell(row.scope)
                        TableCell(row.isActive ? lang("Đang dùng", "Active") : lang("Đã khoá", "Disabled"))
                    }
                }
            }
            if model.rows.isEmpty, !model.search.isEmpty {
                Paragraph(lang("Không có tài khoản nào khớp.", "No account matches.")).class("muted")
            } else if model.rows.isEmpty {
                Paragraph {
                    Text(lang("Chưa có tài khoản nào trong phạm vi của bạn. ", "No account in your scope yet. "))
                    if model.canCreate { Link(lang("Tạo tài khoản", "Create an account"), url: SiteURL.userNew.path) }
                }
                .class("muted")
            }
            Pager(
                page: model.page,
                pageCount: model.pageCount,
                hasMore: model.page < model.pageCount,
                base: SiteURL.users.path,
                query: ["q": model.search],
                lang: lang
            )
        }
    }
}

/// Previous/next links that keep the current filters.
struct Pager: PlainComponent {
    var page: Int
    /// Unknown on a search, which reads only up to the page it shows.
    var pageCount: Int?
    var hasMore: Bool
    var base: String
    var query: [String: String]
    var lang: Language

    var body: any Component {
        Div {
            if page > 1 { Link(lang("← Trang trước", "← Previous"), url: link(page - 1)) }
            if let pageCount {
                Span(lang("Trang \(page)/\(max(pageCount, 1))", "Page \(page) of \(max(pageCount, 1))"))
            } else {
                Span(lang("Trang \(page)", "Page \(page)"))
            }
            if hasMore { Link(lang("Trang sau →", "Next →"), url: link(page + 1)) }
        }
        .class("pager")
    }

    private func link(_ page: Int) -> String {
        var items = query.filter { !$0.value.isEmpty }.sorted { $0.key < $1.key }
            .map { URLQueryItem(name: $0.key, value: $0.value) }
        items.append(URLQueryItem(name: "page", value: String(page)))
        var components = URLComponents()
        components.path = base
        components.queryItems = items
        return components.string ?? base
    }
}
