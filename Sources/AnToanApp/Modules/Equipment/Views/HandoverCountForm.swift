import AnToanCore
import Foundation
import Plot

/// The post's equipment inside the handover forms of the duty desk: a checkbox per numbered item, checked (present)
/// by default, and the counted quantity of a counted stock, the registry's by default; a browser submit with the
/// defaults untouched means everything is present.
enum HandoverCountForm {
    /// The hidden field listing the items the form showed; its absence means the form had no count.
    static let itemsField = "count_items"

    static func fields(_ items: [EquipmentItem], prefix: String, _ lang: Language) -> any Component {
        Div {
            if !items.isEmpty {
                Paragraph(
                    lang(
                        "Kiểm đếm phương tiện của chốt (bỏ đánh dấu phương tiện không còn):",
                        "Count the post's equipment (untick what is missing):"
                    )
                )
                Input(
                    type: .hidden,
                    name: itemsField,
                    value: items.compactMap(\.id).map { $0.uuidString.lowercased() }.joined(separator: ",")
                )
                for item in items {
                    line(item, prefix: prefix, lang)
                }
            }
        }
        .class("equipment-count")
    }

    private static func line(_ item: EquipmentItem, prefix: String, _ lang: Language) -> any Component {
        let key = (item.id ?? .placeholder).uuidString.lowercased()
        let id = "\(prefix)-count-\(key)"
        // The kind in brackets only where the name does not say it already ("Dùi cui cao su số DC-02" does).
        let kind = lang(item.kindValue.nameVi, item.kindValue.nameEn)
        let name = item.displayName.hasPrefix(kind) ? item.displayName : "\(item.displayName) (\(kind))"
        if item.kindValue.isCounted {
            return FormField(
                name: "quantity_\(key)",
                label: "\(name), \(lang("số lượng", "quantity")) (\(item.measure))",
                type: .number,
                value: String(item.quantity),
                maxLength: 8,
                id: id
            )
        }
        return Div {
            El("input", ["type": "checkbox", "name": "present_\(key)", "value": "on", "id": id, "checked": "checked"]) {
            }
            Label(name) {}.attribute(named: "for", value: id)
        }
        .class("choice")
    }

    /// What the previous shift's count found, inside its handover on the desk, above the receiving count.
    static func previous(_ count: (total: Int, missing: [String]), _ lang: Language) -> any Component {
        Div {
            if count.missing.isEmpty {
                Paragraph(
                    lang(
                        "Ca trước kiểm đếm đủ \(count.total) phương tiện của chốt.",
                        "The previous shift counted all \(count.total) items of the post."
                    )
                )
                .class("status-on_time")
            } else {
                Paragraph(
                    lang("Ca trước kiểm đếm thiếu: ", "The previous shift found missing: ")
                        + count.missing.joined(separator: "; ")
                )
                .class("status-missing")
            }
        }
        .class("previous-count")
    }

    /// The count a form posted, or nil when it had none; a quantity that is no number is a negative one (refused).
    static func lines(_ values: [String: String]) -> [EquipmentCount.Line]? {
        guard let listed = values[itemsField] else { return nil }
        return listed.split(separator: ",").compactMap { text in
            guard let id = UUID(uuidString: String(text)) else { return nil }
            let key = id.uuidString.lowercased()
            if let quantity = values["quantity_\(key)"] {
                return EquipmentCount.Line(itemID: id, present: true, quantity: Int(quantity) ?? -1)
            }
            return EquipmentCount.Line(itemID: id, present: values["present_\(key)"] == "on", quantity: nil)
        }
    }
}
