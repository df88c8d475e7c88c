import AnToanCore
import Foundation
import Plot

/// A round's report (PAT-3): expected against done, each checkpoint with its time, the missed and late ones
/// highlighted, then every scan in time order (refused attempts too, with why) and what was noted; prints, and
/// exports to XLSX.
enum PatrolRoundPage {
    static func view(_ detail: PatrolRoundDetail, _ context: PageContext) -> any Component {
        let lang = context.lang
        let round = detail.round
        let id = round.id ?? .placeholder
        return Div {
            Div {
                Button(lang("In báo cáo", "Print the report")).attribute(named: "type", value: "button")
                    .attribute(named: "data-action", value: "print")
                Link(lang("Tải XLSX", "Download XLSX"), url: PatrolURL.roundExport(id).path)
                Link(lang("Tuần tra hôm nay", "Today's patrols"), url: PatrolURL.index.path)
            }
            .class("no-print filters")
            H1(lang("Lượt tuần tra ", "Patrol round ") + PatrolWords.window(round))
            Paragraph(detail.unitName + " · " + detail.routeName).class("muted")
            Paragraph(
                PatrolWords.status(round.statusValue, lang) + " · "
                    + lang(
                        "đúng giờ \(round.doneCount), trễ \(round.lateCount), bỏ sót \(round.missedCount) / \(round.planIDs.count) điểm",
                        "on time \(round.doneCount), late \(round.lateCount), missed \(round.missedCount) / \(round.planIDs.count)"
                    )
            )
            .class(round.statusValue == .incomplete ? "status-missing" : "")
            Div {
                DataTable(headers: [
                    lang("Điểm", "Checkpoint"), lang("Kết quả", "Result"), lang("Giờ quét", "Scanned at"),
                    lang("Người quét", "By"),
                ]) {
                    for row in detail.rows {
                        El("tr", ["class": "cp-\(row.state.rawValue)"]) {
                            El("td") { Text(row.name) }
                            El(
                                "td",
                                [
                                    "class":
                                        "status-\(row.state == .missing ? "missing" : row.state == .late ? "late" : "ok")"
                                ]
                            ) {
                                Text(PatrolWords.state(row.state, lang))
                            }
                            El("td") { Text(row.scannedAt.map(VietnamTime.time) ?? "") }
                            El("td") { Text(row.scannedBy ?? "") }
                        }
                    }
                }
            }
            .id("round-rows")
            .attribute(named: "data-live", value: "patrol.scanned patrol.round_missed")
            .attribute(named: "data-live-region", value: "round-rows")
            H2(lang("Diễn biến", "Timeline"))
            if detail.scans.isEmpty {
                Paragraph(lang("Chưa có lượt quét nào.", "No scan yet.")).class("muted")
            }
            El("ul", ["class": "timeline"]) {
                for scan in detail.scans {
                    El("li", scan.accepted ? [:] : ["class": "timeline-escalated"]) {
                        Text(timelineLine(scan, detail, lang))
                    }
                }
            }
            if !detail.observations.isEmpty {
                H2(lang("Ghi nhận bất thường", "Observations"))
                El("ul", ["class": "plain-list"]) {
                    for observation in detail.observations {
                        El("li") {
                            if let oid = observation.id {
                                Link(
                                    VietnamTime.time(observation.at) + " · "
                                        + (detail.names[observation.checkpointID] ?? ""),
                                    url: PatrolURL.observation(oid).path
                                )
                            }
                            Text(" — " + observation.userName + ": " + observation.text)
                        }
                    }
                }
            }
        }
    }

    /// "02:14 · Bốt gác phía sau · Nguyễn Văn A · ngoại tuyến · ⚠ Quét quá sớm (35 m)".
    static func timelineLine(_ scan: PatrolScan, _ detail: PatrolRoundDetail, _ lang: Language) -> String {
        var parts = [VietnamTime.time(scan.at), scan.checkpointID.flatMap { detail.names[$0] } ?? "", scan.userName]
        if scan.offline { parts.append(lang("quét khi mất mạng", "scanned offline")) }
        if scan.method == "nfc" { parts.append("NFC") }
        if let refusal = scan.refusal.flatMap(PatrolScanRefusal.init(rawValue:)) {
            parts.append(lang("Không ghi nhận: ", "Refused: ") + lang(refusal.nameVi, refusal.nameEn))
        }
        let flags = PatrolWords.flags(scan, lang)
        if !flags.isEmpty { parts.append("⚠ " + flags) }
        if let distance = scan.distance {
            parts.append(lang("cách điểm \(Int(distance.rounded())) m", "\(Int(distance.rounded())) m away"))
        }
        return parts.filter { !$0.isEmpty }.joined(separator: " · ")
    }

    /// The report as a sheet: the checkpoints with their result, then the timeline.
    static func sheet(_ detail: PatrolRoundDetail, _ lang: Language) -> XLSXSheet {
        let round = detail.round
        var rows: [[XLSXCell]] = [
            [.text(detail.unitName.uppercased(), bold: true)],
            [.text(lang("BÁO CÁO LƯỢT TUẦN TRA", "PATROL ROUND REPORT"), bold: true)],
            [.text(detail.routeName + " · " + PatrolWords.window(round))],
            [.text(PatrolWords.status(round.statusValue, lang))],
            [],
            [
                .text(lang("STT", "No."), bold: true), .text(lang("Điểm", "Checkpoint"), bold: true),
                .text(lang("Kết quả", "Result"), bold: true), .text(lang("Giờ quét", "Scanned at"), bold: true),
                .text(lang("Người quét", "By"), bold: true),
            ],
        ]
        for (index, row) in detail.rows.enumerated() {
            rows.append([
                .number(index + 1), .text(row.name), .text(PatrolWords.state(row.state, lang)),
                .text(row.scannedAt.map(VietnamTime.dateTime) ?? ""), .text(row.scannedBy ?? ""),
            ])
        }
        rows.append([])
        rows.append([.text(lang("Diễn biến", "Timeline"), bold: true)])
        for scan in detail.scans {
            rows.append([.text(VietnamTime.dateTime(scan.at)), .text(timelineLine(scan, detail, lang))])
        }
        return XLSXSheet(name: lang("Lượt tuần tra", "Patrol round"), rows: rows, frozenRows: 6)
    }
}
