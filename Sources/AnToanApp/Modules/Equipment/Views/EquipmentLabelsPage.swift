import AnToanCore
import Foundation
import Plot

/// The A4 sheet of items' QR labels: the unit, the item's name and serial, and the QR code of the item's page, to
/// stick on the item (an extinguisher, a baton's rack) so that a phone opens its page and its check.
enum EquipmentLabelsPage {
    struct Label: Sendable {
        var unitName: String
        var name: String
        var detail: String
        var link: String
        var svg: String
    }

    static func labels(_ items: [EquipmentItem], names: EquipmentQueries.Names, base: String) throws -> [Label] {
        try items.map { item in
            let link = base + SiteURL.equipment(.item(try item.requireID())).path
            return Label(
                unitName: names.units[item.unitID] ?? "",
                name: item.displayName,
                detail: (item.label.isEmpty
                    ? [item.place, item.capacity]
                    : [item.kindValue.nameVi, item.serial.map { "số \($0)" } ?? "", item.capacity])
                    .filter { !$0.isEmpty }.joined(separator: " · "),
                link: link,
                svg: try QRCode(text: link, correction: .medium).svg(title: item.displayName)
            )
        }
    }

    static func view(_ labels: [Label], _ context: PageContext) -> any Component {
        let lang = context.lang
        return Div {
            Div {
                Button(lang("In tem", "Print the labels")).attribute(named: "type", value: "button")
                    .attribute(named: "data-action", value: "print")
                Link(lang("Về sổ thiết bị", "Back to the registry"), url: SiteURL.equipment(.list).path)
            }
            .class("no-print filters")
            if labels.isEmpty {
                Paragraph(lang("Không có mục nào để in tem.", "Nothing to print.")).class("muted")
            }
            Div {
                for label in labels {
                    Div {
                        Paragraph(label.unitName.uppercased()).class("label-unit")
                        El(
                            "img",
                            [
                                "src": "data:image/svg+xml;base64," + Data(label.svg.utf8).base64EncodedString(),
                                "alt": lang("Mã QR của ", "QR code of ") + label.name, "class": "label-qr",
                            ]
                        ) {}
                        Paragraph(label.name).class("label-name")
                        Paragraph(label.detail).class("label-route")
                        Paragraph(lang("Quét để mở trang và kiểm tra", "Scan to open its page and check it"))
                            .class("label-hint")
                    }
                    .class("label")
                }
            }
            .class("label-sheet")
        }
    }
}
