import AnToanCore
import Foundation
import Plot

/// The incidents of the reader's scope: filters, the count of each kind, then the list — open ones first, those
/// nobody has acknowledged marked — as cards on a phone.
enum IncidentsPage {
    struct Model {
        var list: IncidentList
        var filter: IncidentFilter
        /// The units the reader may filter by (an authority's), by name; empty for one unit's people.
        var units: [(id: UUID, name: String)]
        /// The unit a new report is for (a unit's people), if any.
        var reportUnit: UUID?
        var errors: FieldChecker
    }

    static func view(_ model: Model, _ context: PageContext) -> any Component {
        let lang = context.lang
        return Div {
            H1(lang("Vụ việc", "Incidents"))
            if let unit = model.reportUnit {
                Paragraph {
                    Link(lang("Báo cáo vụ việc", "Report an incident"), url: SiteURL.incidentNew(unit: unit).path)
                        .class("button")
                }
            }
            filters(model, lang)
            // Redrawn in place by the live-page script when an incident of the reader's scope changes.
            Div {
                results(model, lang)
            }
            .id("incident-list")
            .attribute(named: "data-live", value: liveEvents)
            .attribute(named: "data-live-region", value: "incidents")
        }
    }

    /// The events that change an incident page or list (the live-page script listens for them).
    static let liveEvents = [
        EventType.incidentReported, .incidentAcknowledged, .incidentEscalated, .incidentUpdated,
    ]
    .map(\.rawValue).joined(separator: " ")

    private static func results(_ model: Model, _ lang: Language) -> any Component {
        Div {
            if !model.list.countsByKind.isEmpty {
                H2(lang("Số vụ theo loại", "By kind"))
                List(model.list.countsByKind.map { "\(IncidentWords.kind($0.kind, lang)): \($0.count)" })
                    .class("counts")
            }
            Paragraph(lang("\(model.list.total) vụ việc", "\(model.list.total) incidents")).class("muted")
            if model.list.rows.isEmpty {
                Paragraph(lang("Không có vụ việc nào.", "No incidents.")).class("muted")
            } else {
                DataTable(
                    headers: [
                        lang("Vụ việc", "Incident"), lang("Đơn vị", "Unit"), lang("Mức độ", "Severity"),
                        lang("Tình trạng", "State"), lang("Xảy ra lúc", "Happened"),
                    ]
                ) {
                    for row in model.list.rows { self.row(row, lang) }
                }
            }
        }
    }

    private static func row(_ row: IncidentSummaryDTO, _ lang: Language) -> any Component {
        let kind = IncidentKind(rawValue: row.kind) ?? .other
        let severity = IncidentSeverity(rawValue: row.severity) ?? .medium
        let stage = IncidentStage(rawValue: row.stage) ?? .reported
        let waiting = !row.acknowledged && stage != .closed
        return El("tr", ["class": waiting ? "unacknowledged" : (stage == .closed ? "closed" : "")]) {
            TableCell {
                Link("\(IncidentWords.kind(kind, lang)) — \(row.place)", url: SiteURL.incident(row.id).path)
                if waiting {
                    Span(lang(" · Chưa ai xác nhận", " · Not acknowledged")).class("flag")
                }
            }
            TableCell(row.unitName)
            TableCell { Span(IncidentWords.severity(severity, lang)).class("severity severity-\(row.severity)") }
            TableCell(IncidentWords.stage(stage, lang))
            TableCell(VietnamTime.dateTime(row.occurredAt))
        }
    }

    private static func filters(_ model: Model, _ lang: Language) -> any Component {
        let filter = model.filter
        let any = ("", lang("Tất cả", "All"))
        let kinds = [any] + IncidentKind.allCases.map { ($0.rawValue, IncidentWords.kind($0, lang)) }
        let severities = [any] + IncidentSeverity.allCases.map { ($0.rawValue, IncidentWords.severity($0, lang)) }
        let states =
            [any, ("open", lang("Chưa kết thúc", "Open"))]
            + IncidentStage.allCases.map { ($0.rawValue, IncidentWords.stage($0, lang)) }
        let units = [any] + model.units.map { ($0.id.uuidString.lowercased(), $0.name) }
        return Form(url: SiteURL.incidents.path, method: .get) {
            Div {
                SelectField(
                    name: "kind",
                    label: lang("Loại", "Kind"),
                    options: kinds,
                    selected: filter.kind?.rawValue ?? "",
                    error: model.errors.message(for: "kind", lang)
                )
                SelectField(
                    name: "severity",
                    label: lang("Mức độ", "Severity"),
                    options: severities,
                    selected: filter.severity?.rawValue ?? "",
                    error: model.errors.message(for: "severity", lang)
                )
                SelectField(
                    name: "state",
                    label: lang("Tình trạng", "State"),
                    options: states,
                    selected: filter.openOnly ? "open" : filter.stage?.rawValue ?? "",
                    error: model.errors.message(for: "state", lang)
                )
                if !model.units.isEmpty {
                    SelectField(
                        name: "unit",
                        label: lang("Đơn vị", "Unit"),
                        options: units,
                        selected: filter.unitID?.uuidString.lowercased() ?? "",
                        error: model.errors.message(for: "unit", lang)
                    )
                }
                FormField(
                    name: "from",
                    label: lang("Từ ngày", "From"),
                    value: filter.from?.dmy ?? "",
                    error: model.errors.message(for: "from", lang),
                    required: false,
                    maxLength: 10
                )
                FormField(
                    name: "to",
                    label: lang("Đến ngày", "To"),
                    value: filter.to?.dmy ?? "",
                    error: model.errors.message(for: "to", lang),
                    required: false,
                    maxLength: 10
                )
                Button(lang("Lọc", "Filter")).attribute(named: "type", value: "submit").class("secondary")
            }
            .class("filters")
        }
    }
}
