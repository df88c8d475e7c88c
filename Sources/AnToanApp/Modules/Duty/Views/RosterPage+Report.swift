import AnToanCore
import Foundation
import Plot

/// The checker's report and the swap requests of a roster page.
extension RosterPage {
    static func reportView(_ model: Model, _ lang: Language) -> any Component {
        let report = model.report
        return Div {
            let open = report.openSlots.reduce(0) { $0 + $1.missing }
            H2(open == 0 ? lang("Chỗ còn trống", "Open seats") : lang("\(open) chỗ còn trống", "\(open) open seats"))
            if report.openSlots.isEmpty {
                Paragraph(lang("Mọi ca đều đủ người.", "Every shift is covered.")).class("ok")
            } else {
                List(RosterShortfallText.lines(model.grid, posts: model.grid.names.posts, lang)) { Text($0) }
                    .id("shortfall")
                H3(lang("Lý do từng chỗ trống", "Why each seat is open"))
                List(report.openSlots) { slot in
                    Text(
                        "\(SolarDate(iso: slot.date)?.dmy ?? slot.date), \(lang("chốt", "post")) \(slot.post), "
                            + "\(lang("ca", "shift")) \(slot.shift): \(RosterGrid.openText(slot.role, slot.missing, lang)) — "
                            + lang(slot.reasonVi, slot.reason)
                    )
                }
                .id("open-seats")
            }
            H2(lang("Vi phạm quy tắc bắt buộc", "Hard rule violations"))
            if report.hardViolations.isEmpty {
                Paragraph(lang("Không có vi phạm.", "None.")).class("ok")
            } else {
                List(report.hardViolations) { violation in
                    Text(
                        [
                            violation.staff.flatMap { model.names[$0] },
                            violation.date.flatMap(SolarDate.init(iso:))?.dmy,
                            violation.shift, lang(violation.rule.vietnamese, violation.rule.english),
                        ]
                        .compactMap { $0 }.joined(separator: " · ")
                    )
                }
                .id("violations")
            }
            H2(lang("Mức độ công bằng", "Fairness"))
            DataTable(headers: [
                lang("Vai trò", "Role"), lang("Số người", "People"), lang("Tổng số ca", "All shifts"),
                lang("Ca đêm", "Nights"), lang("Cuối tuần, ngày lễ", "Weekends, holidays"),
            ]) {
                for fairness in report.fairness {
                    El("tr") {
                        TableCell(RosterGrid.roleName(fairness.role, lang))
                        TableCell(String(fairness.people))
                        TableCell(spread(fairness.total, lang))
                        TableCell(spread(fairness.night, lang))
                        TableCell(spread(fairness.weekendHoliday, lang))
                    }
                }
            }
        }
    }

    private static func spread(_ spread: RosterSpread, _ lang: Language) -> String {
        lang(
            "\(spread.min)–\(spread.max) (chênh \(spread.spread))",
            "\(spread.min)–\(spread.max) (spread \(spread.spread))"
        )
    }

    static func swapsView(_ model: Model, _ context: PageContext) -> any Component {
        let lang = context.lang
        return Div {
            H2(lang("Yêu cầu đổi ca", "Swap requests"))
            if model.swaps.isEmpty {
                Paragraph(lang("Chưa có yêu cầu nào.", "No requests.")).class("muted")
            } else {
                DataTable(headers: [
                    lang("Ca", "Seat"), lang("Người xin", "Asked by"), lang("Người nhận", "Taken by"),
                    lang("Đổi lại", "In return"), lang("Trạng thái", "Status"), "",
                ]) {
                    for swap in model.swaps {
                        El("tr") {
                            TableCell(swap.seat)
                            TableCell(swap.from + (swap.note.isEmpty ? "" : " — \(swap.note)"))
                            TableCell(swap.to)
                            TableCell(swap.inReturn ?? lang("Nhường ca", "Given away"))
                            TableCell(RosterGrid.statusName(swap.status, lang))
                            TableCell {
                                if model.canManage && swap.status == "pending" {
                                    PostForm(url: .rosterPages(.approve(swap.id)), csrf: context.csrf, class: "inline")
                                    {
                                        Button(lang("Duyệt", "Approve")).attribute(named: "type", value: "submit")
                                    }
                                    PostForm(url: .rosterPages(.reject(swap.id)), csrf: context.csrf, class: "inline") {
                                        Button(lang("Từ chối", "Reject")).attribute(named: "type", value: "submit")
                                            .class("danger")
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        .id("swaps")
    }
}

extension RosterPage {
    /// Open seats first and by their name, then rule violations: "Còn 12 chỗ trống chưa có người".
    static func summary(_ report: RosterReport, _ lang: Language) -> any Component {
        let open = report.openSlots.reduce(0) { $0 + $1.missing }
        let coverage = report.coverage
        return Paragraph(
            (open == 0
                ? lang("Đủ người mọi ca", "Every seat filled")
                : lang("Còn \(open) chỗ trống chưa có người", "\(open) seats left open"))
                + lang(
                    " · đã xếp \(coverage.filled)/\(coverage.required) lượt · vi phạm quy tắc: \(report.hardViolations.count)",
                    " · filled \(coverage.filled) of \(coverage.required) · rule violations: \(report.hardViolations.count)"
                )
        )
        .id("roster-summary")
        .class(open == 0 ? "ok" : "flash flash-error")
    }
}
