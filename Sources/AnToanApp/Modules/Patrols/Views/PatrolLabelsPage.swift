import AnToanCore
import Foundation
import Plot

/// The A4 sheet of a route's labels (PAT-2): for each checkpoint, the unit's and the checkpoint's names and the QR
/// code of its signed link, several to a page, to cut out and stick up; an NFC tag is written with the same link.
enum PatrolLabelsPage {
    struct Label: Sendable {
        var name: String
        var position: Int
        var link: String
        var svg: String
    }

    struct Model {
        var unitName: String
        var routeName: String
        var routeID: UUID
        var labels: [Label]
    }

    /// Each checkpoint's label: its signed link (under the app's `base` address) and that link's QR code.
    static func labels(_ checkpoints: [PatrolCheckpoint], base: String, secret: String) throws -> [Label] {
        try checkpoints.map { checkpoint in
            let link =
                base
                + CheckpointLink.path(
                    checkpoint: try checkpoint.requireID(),
                    generation: checkpoint.labelGeneration,
                    secret: secret
                )
            return Label(
                name: checkpoint.name,
                position: checkpoint.position,
                link: link,
                svg: try QRCode(text: link, correction: .medium).svg(title: checkpoint.name)
            )
        }
    }

    static func view(_ model: Model, _ context: PageContext) -> any Component {
        let lang = context.lang
        return Div {
            Div {
                Button(lang("In tem", "Print the labels")).attribute(named: "type", value: "button")
                    .attribute(named: "data-action", value: "print")
                Link(lang("Về tuyến", "Back to the route"), url: PatrolURL.route(model.routeID).path)
            }
            .class("no-print filters")
            if model.labels.isEmpty {
                Paragraph(lang("Tuyến chưa có điểm nào.", "The route has no checkpoint yet.")).class("muted")
            }
            Div {
                for label in model.labels {
                    Div {
                        Paragraph(model.unitName.uppercased()).class("label-unit")
                        Paragraph(
                            lang("Điểm tuần tra số \(label.position + 1)", "Checkpoint no. \(label.position + 1)")
                                + " · " + model.routeName
                        )
                        .class("label-route")
                        El(
                            "img",
                            [
                                "src": "data:image/svg+xml;base64," + Data(label.svg.utf8).base64EncodedString(),
                                "alt": lang("Mã QR của điểm ", "QR code of ") + label.name, "class": "label-qr",
                            ]
                        ) {}
                        Paragraph(label.name).class("label-name")
                        Paragraph(
                            lang("Quét bằng camera điện thoại khi tuần tra", "Scan with the phone's camera on patrol")
                        )
                        .class("label-hint")
                    }
                    .class("label")
                }
            }
            .class("label-sheet")
        }
    }
}
