import AnToanCore
import Foundation
import Plot

/// One supervising body, and for administrators the form that changes it.
enum BodyPage {
    struct Model {
        var id: UUID
        var code: String
        var name: String
        var kind: String
        var areaName: String
        var reportsTo: String
        /// Current values of the edit form.
        var values: [String: String]
        var canManage = false
        var forms = BodyForms.Options()
        var failed: FormFailure?
    }

    static func view(_ model: Model, _ context: PageContext) -> any Component {
        let lang = context.lang
        return Div {
            H1(model.name)
            Div {
                El("dl") {
                    El("dt") { Text(lang("Mã", "Code")) }
                    El("dd") { Text(model.code) }
                    El("dt") { Text(lang("Loại", "Kind")) }
                    El("dd") { Text(OrganisationLabels.body(model.kind, lang)) }
                    El("dt") { Text(lang("Địa bàn", "Area")) }
                    El("dd") { Text(model.areaName) }
                    El("dt") { Text(lang("Báo cáo lên", "Reports to")) }
                    El("dd") { Text(model.reportsTo) }
                }
            }
            .class("card")
            if model.canManage {
                BodyForms.body(model, model.forms, failed: model.failed, context)
            }
            Paragraph { Link(lang("← Các cơ quan quản lý", "← Supervising bodies"), url: SiteURL.bodies.path) }
        }
    }
}
