import AnToanCore
import Foundation
import Plot

/// A route: its schedule and order, its checkpoints in order (with their labels and NFC tags), the rounds of the
/// last day and the next, and, for its managers, the forms to change it.
enum PatrolRoutePage {
    struct Model {
        var route: PatrolRoute
        var unitName: String
        var checkpoints: [PatrolCheckpoint]
        var sites: [(id: UUID, name: String)]
        var rounds: [PatrolRound]
        var now: Date
        var canManage: Bool
        var failed: FormFailure?
    }

    static let addForm = "checkpoint"
    static func editForm(_ id: UUID) -> String { "cp-" + id.uuidString.lowercased().prefix(8) }
    static func nfcForm(_ id: UUID) -> String { "nfc-" + id.uuidString.lowercased().prefix(8) }

    static func view(_ model: Model, _ context: PageContext) -> any Component {
        let lang = context.lang
        let route = model.route
        let routeID = route.id ?? .placeholder
        return Div {
            H1(route.name)
            Paragraph(model.unitName).class("muted")
            El("dl", ["class": "facts"]) {
                El("dt") { Text(lang("Lịch", "Schedule")) }
                El("dd") { Text(PatrolWords.schedule(route, lang)) }
                El("dt") { Text(lang("Thứ tự", "Order")) }
                El("dd") { Text(PatrolWords.order(route.order, lang)) }
                El("dt") { Text(lang("Hai điểm cách nhau ít nhất", "At least between two checkpoints")) }
                El("dd") { Text(lang("\(route.minimumGap / 60) phút", "\(route.minimumGap / 60) min")) }
            }
            if model.canManage {
                Div {
                    Link(
                        lang("In tem các điểm (A4)", "Print the labels (A4)"),
                        url: PatrolURL.labels(route: routeID).path
                    )
                    .class("button")
                }
                .class("actions")
            }
            H2(lang("Các điểm tuần tra", "Checkpoints"))
            if model.checkpoints.isEmpty {
                Paragraph(lang("Tuyến chưa có điểm nào.", "The route has no checkpoint yet.")).class("muted")
            }
            El("ol", ["class": "entries checkpoints"]) {
                for checkpoint in model.checkpoints {
                    El("li", ["class": "card"]) { checkpointItem(checkpoint, model, context) }
                }
            }
            if model.canManage {
                let form = NamedForm(name: addForm, failed: model.failed, context: context)
                form.section(
                    lang("Thêm điểm tuần tra", "Add a checkpoint"),
                    url: .patrols(.checkpointAdd(route: routeID))
                ) {
                    checkpointFields(
                        form,
                        nil,
                        model,
                        lang,
                        defaultName: lang(
                            "Điểm \(model.checkpoints.count + 1)",
                            "Checkpoint \(model.checkpoints.count + 1)"
                        )
                    )
                }
                let routeForm = NamedForm(name: PatrolRouteForm.routeForm, failed: model.failed, context: context)
                routeForm.section(
                    lang("Sửa tuyến và lịch", "Change the route and schedule"),
                    url: .patrols(.routeEdit(routeID))
                ) {
                    PatrolRouteForm.fields(routeForm, route: route, lang)
                }
            }
            H2(lang("Lượt tuần tra", "Rounds"))
            if model.rounds.isEmpty {
                Paragraph(
                    lang(
                        "Chưa có lượt nào: các lượt được lập khi tuyến có điểm tuần tra.",
                        "No round yet: rounds are made once the route has checkpoints."
                    )
                )
                .class("muted")
            } else {
                El("ul", ["class": "plain-list"]) {
                    for round in model.rounds {
                        El("li") {
                            if let id = round.id { Link(PatrolWords.window(round), url: PatrolURL.round(id).path) }
                            Text(" — " + PatrolWords.status(round.statusValue, lang))
                            Text(" (\(round.doneCount + round.lateCount)/\(round.planIDs.count))")
                        }
                    }
                }
            }
        }
    }

    private static func checkpointItem(
        _ checkpoint: PatrolCheckpoint,
        _ model: Model,
        _ context: PageContext
    )
        -> any Component
    {
        let lang = context.lang
        let id = checkpoint.id ?? .placeholder
        let site = model.sites.first { $0.id == checkpoint.siteID }?.name
        return ComponentGroup {
            Paragraph(checkpoint.name).class("who")
            if let site { Paragraph(lang("Khu vực: ", "Site: ") + site).class("muted") }
            if !checkpoint.instructions.isEmpty { Paragraph(checkpoint.instructions) }
            if let latitude = checkpoint.latitude, let longitude = checkpoint.longitude {
                Paragraph(
                    lang("Vị trí: ", "Position: ")
                        + String(format: "%.6f, %.6f", latitude, longitude)
                        + lang(" · bán kính \(Int(checkpoint.radius)) m", " · radius \(Int(checkpoint.radius)) m")
                )
                .class("muted")
            }
            Paragraph(
                checkpoint.hasNFC
                    ? lang("Có thẻ NFC (NTAG 424 DNA)", "NFC tag (NTAG 424 DNA) set up")
                    : lang("Chưa có thẻ NFC: dùng tem QR", "No NFC tag: the QR label is used")
            )
            .class("muted")
            if model.canManage {
                let edit = NamedForm(name: editForm(id), failed: model.failed, context: context)
                edit.section(lang("Sửa điểm", "Change the checkpoint"), url: .patrols(.checkpoint(id))) {
                    checkpointFields(edit, checkpoint, model, lang, defaultName: checkpoint.name)
                }
                let nfc = NamedForm(name: nfcForm(id), failed: model.failed, context: context)
                nfc.section(lang("Khai báo thẻ NFC", "Set up the NFC tag"), url: .patrols(.checkpointNFC(id))) {
                    Paragraph(
                        lang(
                            "Khóa AES-128 của thẻ (32 chữ số hex). Khóa không bao giờ được hiển thị lại; để trống cả hai để bỏ thẻ.",
                            "The tag's AES-128 keys (32 hex digits). They are never shown again; leave both empty to remove the tag."
                        )
                    )
                    .class("muted")
                    nfc.text(
                        "meta_key",
                        lang("Khóa đọc PICCData (SDM meta read)", "SDM meta-read key"),
                        required: false,
                        max: 47
                    )
                    nfc.text(
                        "file_key",
                        lang("Khóa MAC (SDM file read)", "SDM file-read key"),
                        required: false,
                        max: 47
                    )
                    nfc.text(
                        "uid",
                        lang("UID của thẻ (14 chữ số hex, nếu biết)", "Tag UID (14 hex digits, if known)"),
                        required: false,
                        max: 20
                    )
                }
                Div {
                    PostForm(url: .patrols(.checkpointRenew(id)), csrf: context.csrf) {
                        Button(lang("Cấp tem mới (tem cũ hết hiệu lực)", "New labels (old ones stop counting)"))
                            .attribute(named: "type", value: "submit").class("secondary")
                    }
                    PostForm(url: .patrols(.checkpointRemove(id)), csrf: context.csrf) {
                        Button(lang("Bỏ điểm khỏi tuyến", "Remove from the route")).attribute(
                            named: "type",
                            value: "submit"
                        )
                        .class("secondary")
                    }
                }
                .class("actions")
            }
        }
    }

    private static func checkpointFields(
        _ form: NamedForm,
        _ checkpoint: PatrolCheckpoint?,
        _ model: Model,
        _ lang: Language,
        defaultName: String
    ) -> any Component {
        let sites =
            [("", lang("— Không gắn khu vực —", "— No site —"))]
            + model.sites.map { ($0.id.uuidString.lowercased(), $0.name) }
        return ComponentGroup {
            form.text("name", lang("Tên điểm", "Checkpoint name"), max: PatrolLimits.name, initial: defaultName)
            if !model.sites.isEmpty {
                form.select(
                    "site",
                    lang("Khu vực", "Site"),
                    sites,
                    initial: checkpoint?.siteID?.uuidString.lowercased() ?? ""
                )
            }
            form.text(
                "instructions",
                lang("Việc cần làm tại điểm", "What to do there"),
                required: false,
                max: PatrolLimits.instructions,
                initial: checkpoint?.instructions ?? ""
            )
            form.text(
                "latitude",
                lang("Vĩ độ (không bắt buộc)", "Latitude (optional)"),
                required: false,
                max: 20,
                initial: checkpoint?.latitude.map { String($0) } ?? ""
            )
            form.text(
                "longitude",
                lang("Kinh độ (không bắt buộc)", "Longitude (optional)"),
                required: false,
                max: 20,
                initial: checkpoint?.longitude.map { String($0) } ?? ""
            )
            form.text(
                "radius",
                lang("Bán kính chấp nhận (mét)", "Accepted radius (metres)"),
                type: .number,
                required: false,
                max: 5,
                initial: String(Int(checkpoint?.radius ?? PatrolLimits.defaultRadius))
            )
        }
    }
}
