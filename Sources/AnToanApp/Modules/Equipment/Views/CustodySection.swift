import AnToanCore
import Foundation
import Plot

/// The custody part of an item's page: who holds it now (flagged when overdue) and its last issues. The item page
/// loads the model with `CustodySection.load` and places `CustodySection.view(model, context)`.
enum CustodySection {
    struct Model {
        var history: [EquipmentCustody]
        var item: EquipmentItem
        var now: Date
    }

    static func view(_ model: Model, _ context: PageContext) -> any Component {
        let lang = context.lang
        let items = [model.item.id ?? .placeholder: model.item]
        return Div {
            H2(lang("Cấp phát", "Custody"))
            if model.history.isEmpty {
                Paragraph(lang("Chưa cấp phát lần nào.", "Never issued.")).class("muted")
            } else {
                CustodyPages.table(Array(model.history.prefix(10)), items, model.now, lang)
            }
            Link(lang("Đề nghị cấp phát", "Request an issue"), url: SiteURL.custody(.list).path)
        }
        .class("card")
    }
}
