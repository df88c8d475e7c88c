import AnToanCore
import Foundation
import Plot

/// Supervising bodies in the reader's scope and the routing rules that can apply there; administrators add
/// bodies and rules here.
enum BodiesPage {
    struct Row {
        var id: UUID
        var code: String
        var name: String
        var kind: String
        var areaName: String
        var reportsTo: String
    }

    struct RuleRow {
        var id: UUID
        var purpose: String
        var unitKind: String?
        var areaName: String?
        var chain: [String]
    }

    struct Model {
        var rows: [Row]
        var rules: [RuleRow]
        var canManage = false
        var forms = BodyForms.Options()
        var failed: FormFailure?
    }

    static func view(_ model: Model, _ context: PageContext) -> any Component {
        let lang = context.lang
        return Div {
            H1(lang("Cơ quan quản lý", "Supervising bodies"))
            if model.canManage {
                BodyForms.body(nil, model.forms, failed: model.failed, context)
            }
            DataTable(headers: [
                lang("Cơ quan", "Body"), lang("Loại", "Kind"), lang("Địa bàn", "Area"),
                lang("Báo cáo lên", "Reports to"),
            ]) {
                for row in model.rows {
                    El("tr") {
                        TableCell {
                            Link(row.name, url: SiteURL.body(row.id).path)
                            El("br") {}
                            Span(row.code).class("muted")
                        }
                        TableCell(OrganisationLabels.body(row.kind, lang))
                        TableCell(row.areaName)
                        TableCell(row.reportsTo)
                    }
                }
            }
            if model.rows.isEmpty {
                Paragraph(lang("Chưa có cơ quan nào trong phạm vi của bạn.", "No body within your scope yet."))
                    .class("muted")
            }
            H2(lang("Phê duyệt và nhận báo cáo", "Approvals and report recipients"))
            Paragraph(
                lang(
                    "Quy tắc cụ thể nhất được áp dụng (địa bàn sâu nhất, rồi loại đơn vị). Không có quy tắc nào thì "
                        + "đi theo cơ quan quản lý địa bàn của đơn vị (Công an trước) và cơ quan cấp trên của nó.",
                    "The most specific rule applies (deepest area, then unit kind). Without one, the body over the "
                        + "unit's area (the police first) and whatever it reports to."
                )
            )
            .class("muted")
            if model.canManage {
                BodyForms.rule(model.forms, failed: model.failed, context)
            }
            rules(model, context)
        }
    }

    private static func rules(_ model: Model, _ context: PageContext) -> any Component {
        let lang = context.lang
        return DataTable(headers: [
            lang("Mục đích", "Purpose"), lang("Loại đơn vị", "Unit kind"), lang("Địa bàn", "Area"),
            lang("Trình tự", "Chain"), "",
        ]) {
            for rule in model.rules {
                El("tr") {
                    TableCell(OrganisationLabels.purpose(rule.purpose, lang))
                    TableCell(
                        rule.unitKind.flatMap(UnitKind.init).map { OrganisationLabels.kind($0, lang) }
                            ?? lang("Mọi loại", "Any")
                    )
                    TableCell(rule.areaName ?? lang("Mọi địa bàn", "Anywhere"))
                    TableCell(rule.chain.joined(separator: " → "))
                    TableCell {
                        if model.canManage {
                            PostForm(url: .routingRuleDelete(rule.id), csrf: context.csrf) {
                                Button(lang("Xóa", "Remove")).attribute(named: "type", value: "submit")
                                    .class("secondary")
                            }
                        }
                    }
                }
            }
        }
    }
}
