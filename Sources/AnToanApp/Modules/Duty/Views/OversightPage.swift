import AnToanCore
import Foundation
import Plot

/// The units of the reader's scope that lack a leader or enough officers on duty, where, and whom to call.
enum OversightPage {
    /// What the unit list is narrowed to, as the page's GET parameters carry it.
    enum State: String, CaseIterable, Sendable {
        case short
        case noSetup = "no_setup"
        case notCheckedIn = "not_checked_in"
    }

    struct Filter: Sendable {
        var area: String = ""
        var kind: String = ""
        var state: String = ""
    }

    struct Model {
        /// The page's rows, the most urgent first.
        var rows: [DutyOversight.UnitCover]
        var at: Date
        var filter = Filter()
        var areaOptions: [(value: String, label: String)] = []
        /// Over every page: units short of cover (set-up missing or seats open), of which with no set-up, and
        /// units with someone not checked in.
        var short = 0
        var noSetup = 0
        var absent = 0
        var page = 1
        var pageCount = 1
    }

    /// Rows on a page: a province has thousands of units, and an officer on a phone acts on the first few.
    static let pageSize = 25

    /// Who needs a call first: someone missing or a seat open now, then tonight's, then the next holiday's or
    /// peak day's, then units with no set-up; by name within each.
    static func urgency(_ cover: DutyOversight.UnitCover) -> Int {
        if !cover.notCheckedIn.isEmpty || cover.gaps.contains(where: { $0.window == .now }) { return 0 }
        if cover.gaps.contains(where: { $0.window == .tonight }) { return 1 }
        if !cover.gaps.isEmpty { return 2 }
        return 3
    }

    static func view(_ model: Model, _ context: PageContext) -> any Component {
        let lang = context.lang
        return Div {
            H1(lang("Giám sát trực", "Duty oversight"))
            Paragraph {
                Text(
                    lang(
                        "Đơn vị thiếu lãnh đạo trực hoặc thiếu người trực — lúc này, đêm nay và ngày lễ hoặc cao điểm "
                            + "tới — theo lịch trực đã công bố, và người chưa nhận ca đang trực (quá "
                            + "\(Int(DutyWatch.rule.grace / 60)) phút) hoặc ca vừa qua. Thời điểm: ",
                        "Units short of a duty leader or of officers — now, tonight and on the next holiday or peak "
                            + "day — by their published rosters, and people not checked in on the shift under way (past "
                            + "\(Int(DutyWatch.rule.grace / 60)) minutes) or the last one. As of "
                    )
                )
                DateLabel(at: model.at, lang)
                Text(".")
            }
            .class("muted")
            filters(model, lang)
            if model.rows.isEmpty {
                Paragraph(lang("Mọi đơn vị đều đủ người trực.", "Every unit is covered.")).class("ok")
            } else {
                summary(model, lang)
                DataTable(headers: [
                    lang("Đơn vị, người gọi", "Unit, whom to call"),
                    lang("Thiếu, chưa nhận ca", "Short of, not checked in"),
                ]) {
                    for row in model.rows {
                        El("tr") {
                            unitCell(row, lang)
                            TableCell { shortfall(row, lang) }
                        }
                    }
                }
                Pager(
                    page: model.page,
                    pageCount: model.pageCount,
                    hasMore: model.page < model.pageCount,
                    base: SiteURL.dutyOversight.path,
                    query: ["area": model.filter.area, "kind": model.filter.kind, "state": model.filter.state],
                    lang: lang
                )
            }
        }
    }

    /// "12 đơn vị thiếu người trực (3 chưa khai báo chốt trực) · 4 đơn vị có người chưa nhận ca".
    private static func summary(_ model: Model, _ lang: Language) -> any Component {
        Paragraph {
            if model.short > 0 {
                Text(lang("\(model.short) đơn vị thiếu người trực", "\(model.short) units lack cover"))
                if model.noSetup > 0 {
                    Text(
                        lang(
                            " (\(model.noSetup) chưa khai báo chốt trực)",
                            " (\(model.noSetup) with no duty set-up)"
                        )
                    )
                }
            }
            if model.short > 0, model.absent > 0 { Text(" · ") }
            if model.absent > 0 {
                Text(
                    lang(
                        "\(model.absent) đơn vị có người chưa nhận ca",
                        "\(model.absent) units have someone not checked in"
                    )
                )
            }
        }
    }

    /// What a unit lacks: the roster's staleness, its open seats (or its missing set-up) and who is not checked in.
    private static func shortfall(_ row: DutyOversight.UnitCover, _ lang: Language) -> any Component {
        ComponentGroup {
            for note in RosterFreshness.notes(row.outOfDate, published: true, lang) {
                Paragraph(note).class("field-error")
            }
            if row.noSetup {
                Paragraph(lang("Chưa khai báo chốt trực và ca", "No duty posts set up"))
            } else if !row.gaps.isEmpty {
                List(row.gaps) { gap in
                    ListItem {
                        Text(windowText(gap.window, lang) + ", ")
                        DateLabel(iso: gap.date, lang)
                        Text(": " + gapText(gap, in: row, lang))
                    }
                }
            }
            if !row.notCheckedIn.isEmpty {
                Paragraph(lang("Chưa nhận ca:", "Not checked in:"))
                List(row.notCheckedIn.map { absenceText($0, in: row, lang) }) { Text($0) }
            }
        }
    }

    /// Commune, kind and state, sent as GET parameters and shown again as chosen.
    private static func filters(_ model: Model, _ lang: Language) -> any Component {
        Form(url: SiteURL.dutyOversight.path, method: .get) {
            Div {
                if !model.areaOptions.isEmpty {
                    SelectField(
                        name: "area",
                        label: lang("Xã, phường (địa bàn)", "Commune (area)"),
                        options: [("", lang("Tất cả", "All"))] + model.areaOptions,
                        selected: model.filter.area
                    )
                }
                SelectField(
                    name: "kind",
                    label: lang("Loại đơn vị", "Kind of unit"),
                    options: [("", lang("Tất cả", "All"))]
                        + UnitKind.allCases.map { ($0.rawValue, OrganisationLabels.kind($0, lang)) },
                    selected: model.filter.kind
                )
                SelectField(
                    name: "state",
                    label: lang("Tình trạng", "State"),
                    options: [("", lang("Tất cả", "All"))] + State.allCases.map { ($0.rawValue, stateText($0, lang)) },
                    selected: model.filter.state
                )
                Button(lang("Lọc", "Filter")).attribute(named: "type", value: "submit").class("secondary")
            }
            .class("filters")
        }
    }

    static func stateText(_ state: State, _ lang: Language) -> String {
        switch state {
        case .short: lang("Thiếu người trực", "Short of cover")
        case .noSetup: lang("Chưa khai báo chốt trực", "No duty set-up")
        case .notCheckedIn: lang("Có người chưa nhận ca", "Someone not checked in")
        }
    }

    /// The unit's name, its phone and the leaders on duty now with theirs, as links a phone can call.
    private static func unitCell(_ row: DutyOversight.UnitCover, _ lang: Language) -> any Component {
        TableCell {
            Link(row.name, url: SiteURL.unit(row.unitID).path)
            if let phone = row.phone, !phone.isEmpty {
                El("br") {}
                Text(lang("Điện thoại đơn vị: ", "Unit's phone: "))
                Link(phone, url: "tel:" + phone.filter { !$0.isWhitespace })
            }
            if row.leaders.isEmpty {
                El("br") {}
                Span(lang("Không có lãnh đạo trực lúc này", "No duty leader now")).class("muted")
            }
            for leader in row.leaders {
                El("br") {}
                Text(lang("Lãnh đạo trực: ", "Duty leader: ") + leader.name)
                if let phone = leader.phone, !phone.isEmpty {
                    Text(" · ")
                    Link(phone, url: "tel:" + phone.filter { !$0.isWhitespace })
                }
            }
        }
    }

    /// "Nguyễn Văn A, Bốt gác phía sau, Ca đêm 19:00–07:00 từ 01/02/2027 19:00".
    static func absenceText(
        _ absence: DutyOversight.Absence,
        in row: DutyOversight.UnitCover,
        _ lang: Language
    ) -> String {
        "\(absence.name), \(row.names.post(absence.post, lang)), \(row.names.shift(post: absence.post, absence.shift, lang)) "
            + "\(lang("từ", "from")) \(VietnamTime.dateTime(absence.startsAt))"
    }

    static func windowText(_ window: DutyOversight.Window, _ lang: Language) -> String {
        switch window {
        case .now: lang("Lúc này", "Now")
        case .tonight: lang("Đêm nay", "Tonight")
        case .nextHolidayOrPeak: lang("Ngày lễ/cao điểm tới", "Next holiday/peak")
        }
    }

    /// Where and whom a gap lacks: "Cổng chính, Ca đêm 19:00–07:00: lãnh đạo trực 0/1".
    static func gapText(_ gap: DutyOversight.Gap, in row: DutyOversight.UnitCover, _ lang: Language) -> String {
        let role = gap.role == "leader" ? lang("lãnh đạo trực", "duty leader") : lang("người trực", "officers")
        return "\(row.names.post(gap.post, lang)), \(row.names.shift(post: gap.post, gap.shift, lang)): "
            + lang("\(role) \(gap.rostered)/\(gap.required)", "\(role) \(gap.rostered) of \(gap.required)")
    }
}
