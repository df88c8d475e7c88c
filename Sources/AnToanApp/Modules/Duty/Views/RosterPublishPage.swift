import AnToanCore
import Foundation
import Plot

/// The step before publishing a roster with open seats: how many stay open, and a second form that confirms.
/// A publication refused for another reason (not approved, published already) shows why at the top instead.
enum RosterPublishPage {
    struct Model {
        var id: UUID
        var unitName: String
        var start: SolarDate
        var end: SolarDate
        var openSeats: Int
        var status = ""
        /// Why publishing was refused, when it was not for the open seats.
        var errors = FieldChecker()
    }

    static func view(_ model: Model, _ context: PageContext) -> any Component {
        let lang = context.lang
        return Div {
            H1(lang("Ban hành lịch trực", "Publish the roster"))
            Paragraph(
                "\(model.unitName) · " + lang("từ", "from") + " \(model.start.dmy) " + lang("đến", "to")
                    + " \(model.end.dmy)"
            )
            .class("muted")
            if !model.errors.errors.isEmpty {
                refused(model, context)
            } else {
                confirm(model, context)
            }
        }
    }

    private static func refused(_ model: Model, _ context: PageContext) -> any Component {
        let lang = context.lang
        return Div {
            ErrorSummary(errors: model.errors, labels: ["status": lang("Trạng thái", "Status")], lang: lang)
            Paragraph(lang("Trạng thái: ", "Status: ") + RosterGrid.statusName(model.status, lang)).id("status")
            Paragraph {
                Link(lang("Quay lại lịch trực", "Back to the roster"), url: SiteURL.rosterPages(.roster(model.id)).path)
            }
        }
    }

    private static func confirm(_ model: Model, _ context: PageContext) -> any Component {
        let lang = context.lang
        return Div {
            Paragraph(
                lang(
                    "Lịch còn \(model.openSeats) vị trí trống. Vẫn ban hành?",
                    "The roster still has \(model.openSeats) open seats. Publish it anyway?"
                )
            )
            .class("flash flash-error")
            .attribute(named: "role", value: "alert")
            .id("open-seats-confirm")
            PostForm(url: .rosterPages(.publish(model.id)), csrf: context.csrf) {
                Input(type: .hidden, name: "confirm", value: "1")
                Button(lang("Vẫn ban hành", "Publish anyway")).attribute(named: "type", value: "submit")
                Text(" ")
                Link(lang("Quay lại lịch trực", "Back to the roster"), url: SiteURL.rosterPages(.roster(model.id)).path)
            }
        }
    }
}
