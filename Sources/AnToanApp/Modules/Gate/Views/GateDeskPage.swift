import AnToanCore
import Foundation
import Plot

/// The gate desk, made for a phone at the gate: the check-in form (a chip card's QR fills it where the browser can
/// read one), the alerts, and who is inside now with a check-out button each. The alerts and the list redraw
/// themselves when someone comes in or goes out, or when an alert is addressed to the reader.
enum GateDeskPage {
    struct Row {
        var visit: Visit
        var unitName: String
        /// The watchlist's reason, for those who may read it.
        var reason: String?
    }

    struct Model {
        /// The unit whose gate this is (nil for an authority or an administrator: the list only).
        var unitID: UUID?
        var unitName: String
        var canCheckIn: Bool
        var canSeeReasons: Bool
        var canKeepWatchlist: Bool
        var canManageData: Bool
        var hostNames: [String]
        var rows: [Row]
        var now: Date
        var failed: FormFailure?
        /// What an invitation opened at the gate fills in.
        var prefill: [String: String] = [:]
    }

    static let formName = "visit"

    static let liveEvents = [EventType.gateVisit, .gateAlert].map(\.rawValue).joined(separator: " ")

    static func view(_ model: Model, _ context: PageContext) -> any Component {
        let lang = context.lang
        return Div {
            // The desk registers the worker that keeps the roll-call for use offline.
            H1(lang("Cổng — khách ra vào", "Gate — visitors")).attribute(named: "data-offline", value: "desk")
            if !model.unitName.isEmpty { Paragraph(model.unitName).class("muted") }
            Div {
                Link(lang("Danh sách điểm danh (in)", "Roll-call list (print)"), url: SiteURL.gate(.rollCall).path)
                Link(lang("Sổ khách", "Visitor book"), url: SiteURL.gate(.book).path)
                Link(lang("Phiếu xuất hàng", "Release notes"), url: SiteURL.gateGoods(.notes).path)
                Link(lang("Xe ra vào", "Vehicles"), url: SiteURL.gateGoods(.vehicles).path)
                Link(lang("Sổ xuất–nhập", "Goods and vehicle book"), url: SiteURL.gateGoods(.book).path)
                if model.unitID != nil {
                    Link(lang("Giấy mời khách", "Invitations"), url: SiteURL.gate(.invitations).path)
                }
                if model.canKeepWatchlist {
                    Link(lang("Danh sách theo dõi", "Watchlist"), url: SiteURL.gate(.watchlist).path)
                }
                if model.canManageData {
                    Link(lang("Dữ liệu cá nhân của khách", "Visitors' personal data"), url: SiteURL.gate(.data).path)
                }
            }
            .class("filters")
            if model.canCheckIn, let unitID = model.unitID {
                checkInForm(model, unitID: unitID, context)
            }
            // Redrawn in place by the live-page script when someone comes in or goes out, or an alert comes.
            Div {
                live(model, context)
            }
            .id("gate-live")
            .attribute(named: "data-live", value: liveEvents)
            .attribute(named: "data-live-region", value: "gate")
        }
    }

    private static func live(_ model: Model, _ context: PageContext) -> any Component {
        let lang = context.lang
        let held = model.rows.filter { $0.visit.held }
        let overstaying = model.rows.count { $0.visit.overstays(at: model.now) }
        return Div {
            if !held.isEmpty {
                H2(lang("Cảnh báo tại cổng", "Gate alerts"))
                for row in held {
                    Div {
                        Paragraph {
                            El("strong") { Text(row.visit.fullName) }
                            Text(" — " + VietnamTime.time(row.visit.checkedInAt))
                        }
                        if let reason = row.reason {
                            Paragraph(lang("Trùng danh sách theo dõi: ", "Matches the watchlist: ") + reason)
                                .class("watch-reason")
                        }
                        Paragraph(GateWords.holdAndCall(lang)).class("hold")
                        Link(lang("Xem khách", "Open"), url: SiteURL.gate(.visit(row.visit.id ?? .placeholder)).path)
                    }
                    .class("card attention gate-alert")
                    .attribute(named: "role", value: "alert")
                }
            }
            H2(
                lang(
                    "Đang ở trong đơn vị: \(model.rows.count - held.count)",
                    "Inside now: \(model.rows.count - held.count)"
                )
            )
            if overstaying > 0 {
                Paragraph(lang("\(overstaying) khách quá giờ dự kiến", "\(overstaying) over their expected time"))
                    .class("overstay")
            }
            if model.rows.isEmpty {
                Paragraph(lang("Không có khách nào trong đơn vị.", "Nobody is inside.")).class("muted")
            } else {
                DataTable(
                    headers: [
                        lang("Khách", "Visitor"), lang("Gặp", "Host"), lang("Vào lúc", "In at"),
                        lang("Thẻ", "Badge"), lang("Tình trạng", "State"), "",
                    ]
                ) {
                    for row in model.rows { insideRow(row, model, context) }
                }
            }
        }
    }

    private static func insideRow(_ row: Row, _ model: Model, _ context: PageContext) -> any Component {
        let lang = context.lang
        let visit = row.visit
        let id = visit.id ?? .placeholder
        let overstays = visit.overstays(at: model.now)
        return El("tr", ["class": visit.held ? "held" : overstays ? "overstay" : ""]) {
            TableCell {
                Link(visit.fullName, url: SiteURL.gate(.visit(id)).path)
                if !visit.organisation.isEmpty { Div { Text(visit.organisation) }.class("muted") }
                if model.unitID == nil { Div { Text(row.unitName) }.class("muted") }
            }
            .attribute(named: "data-label", value: lang("Khách", "Visitor"))
            TableCell(visit.hostName).attribute(named: "data-label", value: lang("Gặp", "Host"))
            TableCell(VietnamTime.dateTime(visit.checkedInAt)).attribute(
                named: "data-label",
                value: lang("Vào lúc", "In at")
            )
            TableCell(visit.badge).attribute(named: "data-label", value: lang("Thẻ", "Badge"))
            TableCell(GateWords.state(visit, now: model.now, lang))
                .attribute(named: "data-label", value: lang("Tình trạng", "State"))
            TableCell {
                if model.canCheckIn {
                    PostForm(url: .gate(.checkOut(id)), csrf: context.csrf, class: "inline") {
                        Button(lang("Cho ra", "Check out")).attribute(named: "type", value: "submit").class("secondary")
                    }
                }
            }
        }
    }

    private static func checkInForm(_ model: Model, unitID: UUID, _ context: PageContext) -> any Component {
        let lang = context.lang
        let form = NamedForm(name: formName, failed: model.failed, context: context)
        let labels: [String: String] = [
            "card_code": lang("Mã QR trên thẻ căn cước", "QR code of the ID card"),
            "full_name": lang("Họ và tên", "Full name"), "document_type": lang("Loại giấy tờ", "Document"),
            "document_number": lang("Số giấy tờ", "Document number"),
            "birth_date": lang("Ngày sinh (dd/MM/yyyy)", "Date of birth (dd/MM/yyyy)"),
            "organisation": lang("Cơ quan / địa chỉ", "Organisation / address"),
            "host": lang("Gặp ai (gõ tên, không cần dấu)", "Host (type the name, marks optional)"),
            "purpose": lang("Mục đích", "Purpose"), "vehicle_plate": lang("Biển số xe", "Vehicle plate"),
            "items": lang("Đồ mang vào", "Items brought in"), "badge": lang("Số thẻ khách", "Badge number"),
            "expected_minutes": lang("Thời gian dự kiến (phút)", "Expected duration (minutes)"),
            "visit": lang("Khách", "Visitor"), "invitation": lang("Giấy mời", "Invitation"),
        ]
        let summary = ErrorSummary(
            errors: FormFailure.errors(model.failed, formName),
            labels: labels,
            idPrefix: form.idPrefix,
            lang: lang
        )
        let types = DocumentType.allCases.map { ($0.rawValue, GateWords.document($0, lang)) }
        return Div {
            H2(lang("Đăng ký khách vào", "Check a visitor in"))
            PostForm(url: .gate(.checkIn), csrf: context.csrf, class: "card", summary: summary) {
                Input(type: .hidden, name: "unit_id", value: unitID.uuidString.lowercased())
                Input(
                    type: .hidden,
                    name: "invitation",
                    value: form.value("invitation", initial: model.prefill["invitation"] ?? "")
                )
                Paragraph(
                    lang(
                        "Không giữ thẻ căn cước của khách: chỉ ghi số giấy tờ và phát thẻ khách.",
                        "Do not keep the visitor's ID card: record its number and give a visitor badge."
                    )
                )
                .class("muted")
                Div {
                    Button(lang("Quét QR thẻ căn cước", "Scan the ID card's QR"))
                        .attribute(named: "type", value: "button").attribute(named: "data-action", value: "scan-card")
                        .class("secondary")
                    El(
                        "video",
                        ["id": "gate-camera", "hidden": "hidden", "playsinline": "playsinline", "muted": "muted"]
                    ) {}
                    Paragraph("").id("gate-scan-status").attribute(named: "role", value: "status").class("muted")
                }
                .id("gate-scan").attribute(named: "hidden", value: "hidden")
                FormField(
                    name: "card_code",
                    label: labels["card_code"] ?? "",
                    value: form.value("card_code"),
                    error: form.error("card_code"),
                    autocomplete: "off",
                    required: false,
                    maxLength: CCCDQR.maxLength,
                    id: form.idPrefix + "card_code"
                )
                form.text(
                    "full_name",
                    labels["full_name"] ?? "",
                    max: GateLimits.name,
                    initial: model.prefill["full_name"] ?? ""
                )
                form.select(
                    "document_type",
                    labels["document_type"] ?? "",
                    types,
                    initial: DocumentType.citizenID.rawValue
                )
                form.text("document_number", labels["document_number"] ?? "", max: 24)
                form.text("birth_date", labels["birth_date"] ?? "", required: false, max: 10)
                form.text(
                    "organisation",
                    labels["organisation"] ?? "",
                    required: false,
                    max: GateLimits.organisation,
                    initial: model.prefill["organisation"] ?? ""
                )
                hostField(
                    form,
                    label: labels["host"] ?? "",
                    names: model.hostNames,
                    initial: model.prefill["host"] ?? ""
                )
                form.text(
                    "purpose",
                    labels["purpose"] ?? "",
                    max: GateLimits.purpose,
                    initial: model.prefill["purpose"] ?? ""
                )
                form.text("vehicle_plate", labels["vehicle_plate"] ?? "", required: false, max: GateLimits.plate)
                TextAreaField(
                    name: "items",
                    label: labels["items"] ?? "",
                    value: form.value("items"),
                    error: form.error("items"),
                    max: GateLimits.items,
                    required: false,
                    rows: 2,
                    id: form.idPrefix + "items"
                )
                form.text("badge", labels["badge"] ?? "", required: false, max: GateLimits.badge)
                form.text(
                    "expected_minutes",
                    labels["expected_minutes"] ?? "",
                    type: .number,
                    max: 5,
                    initial: String(GateLimits.defaultMinutes)
                )
                Button(lang("Cho vào", "Check in")).attribute(named: "type", value: "submit")
            }
        }
        .id("check-in")
    }

    /// A text field with the unit's staff offered as the browser's suggestions; the server finds the name typed
    /// without diacritics.
    private static func hostField(_ form: NamedForm, label: String, names: [String], initial: String) -> any Component {
        let id = form.idPrefix + "host"
        let error = form.error("host")
        var attributes = [
            "type": "text", "name": "host", "id": id, "list": "gate-hosts", "maxlength": String(GateLimits.name),
            "autocomplete": "off", "value": form.value("host", initial: initial),
        ]
        if error != nil {
            attributes["aria-invalid"] = "true"
            attributes["aria-describedby"] = "\(id)-error"
        }
        return Div {
            Label(label) {}.attribute(named: "for", value: id)
            El("input", attributes) {}
            El("datalist", ["id": "gate-hosts"]) {
                for name in names { El("option", ["value": name]) {} }
            }
            if let error { Paragraph(error).class("field-error").id("\(id)-error") }
        }
        .class(error == nil ? "field" : "field has-error")
    }
}
