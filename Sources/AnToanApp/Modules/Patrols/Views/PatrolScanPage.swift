import AnToanCore
import Foundation
import Plot

/// What a guard sees after opening a checkpoint's link, made for a phone at night: in large type whether the scan
/// counted (or why not), the checkpoint's instructions, the round's checkpoints with what is left, the next one to
/// walk to, and one tap to note something seen here.
enum PatrolScanPage {
    struct Model {
        var result: PatrolScanResult
        var rows: [PatrolRoundDetail.Row]
        var order: CheckpointOrder
    }

    static func view(_ model: Model, _ context: PageContext) -> any Component {
        let lang = context.lang
        let result = model.result
        let checkpoint = result.checkpoint
        let next = model.order == .free ? nil : model.rows.first { $0.state == .pending }
        return Div {
            if let refusal = result.refusal {
                Div {
                    H1(lang("Không ghi nhận lượt quét", "Scan not recorded"))
                    Paragraph(lang(refusal.nameVi, refusal.nameEn)).class("scan-reason")
                    Paragraph(
                        lang(
                            "Lần quét này đã được lưu lại để cán bộ phụ trách kiểm tra.",
                            "This attempt has been logged for the officer in charge."
                        )
                    )
                    .class("muted")
                }
                .class("scan-result scan-refused")
                .attribute(named: "role", value: "alert")
            } else {
                Div {
                    H1(lang("Đã ghi nhận", "Recorded") + ": " + (checkpoint?.name ?? ""))
                    Paragraph(
                        lang("Lúc ", "At ") + VietnamTime.time(result.scan.at) + " · "
                            + VietnamTime.date(result.scan.at)
                            + (result.route.map { " · " + $0.name } ?? "")
                    )
                    for flag in result.scan.flagValues {
                        Paragraph("⚠ " + PatrolWords.flag(flag, lang)).class("scan-flag")
                    }
                }
                .class("scan-result scan-accepted")
                .attribute(named: "role", value: "status")
            }
            if let checkpoint, result.refusal == nil, !checkpoint.instructions.isEmpty {
                Div {
                    H2(lang("Việc cần làm tại điểm này", "What to do here"))
                    Paragraph(checkpoint.instructions)
                }
                .class("card")
            }
            if let next {
                Paragraph(lang("Điểm tiếp theo: ", "Next checkpoint: ") + next.name).class("scan-next")
            }
            if !model.rows.isEmpty {
                progress(model.rows, lang)
            }
            Div {
                if let checkpoint, let id = checkpoint.id, result.refusal == nil {
                    Link(
                        lang("Ghi nhận bất thường tại đây", "Note something seen here"),
                        url: PatrolURL.observe.path + "?checkpoint=\(id.uuidString.lowercased())"
                            + (result.round?.id.map { "&round=\($0.uuidString.lowercased())" } ?? "")
                    )
                    .class("button")
                }
                if let round = result.round, let id = round.id {
                    Link(lang("Xem lượt tuần tra", "See the round"), url: PatrolURL.round(id).path)
                }
                Link(lang("Tuần tra hôm nay", "Today's patrols"), url: PatrolURL.index.path)
            }
            .class("actions")
            Paragraph("").id("patrol-sync").class("muted").attribute(named: "role", value: "status")
            // The phone's position, asked once the scan is recorded, when the checkpoint has one to compare with.
            if result.refusal == nil, checkpoint?.position2D != nil, let scanID = result.scan.id {
                Form(url: PatrolURL.scanPosition(scanID).path, method: .post) {
                    Input(type: .hidden, name: "_csrf", value: context.csrf)
                }
                .id("scan-position")
                .class("no-print")
                Paragraph("").id("scan-distance").attribute(named: "role", value: "status")
            }
        }
        .attribute(named: "data-patrol", value: "scan")
    }

    /// The round's checkpoints: done, late, missed or still to scan.
    static func progress(_ rows: [PatrolRoundDetail.Row], _ lang: Language) -> any Component {
        let done = rows.filter { $0.state == .onTime || $0.state == .late }.count
        return Div {
            H2(lang("Lượt này: \(done)/\(rows.count) điểm", "This round: \(done)/\(rows.count) checkpoints"))
            El("ol", ["class": "round-progress"]) {
                for row in rows {
                    El("li", ["class": "cp-\(row.state.rawValue)"]) {
                        Span(row.name).class("who")
                        Text(" — " + PatrolWords.state(row.state, lang))
                        if let at = row.scannedAt { Text(" " + VietnamTime.time(at)) }
                    }
                }
            }
        }
        .class("card")
    }

    /// The page the service worker shows for a scan it kept offline.
    static func offline(_ context: PageContext) -> any Component {
        let lang = context.lang
        return Div {
            Div {
                H1(lang("Đã lưu lượt quét (chưa có mạng)", "Scan kept (no network)"))
                Paragraph(
                    lang(
                        "Điện thoại đang mất mạng. Lượt quét được giữ lại kèm giờ quét và sẽ tự gửi khi có mạng trở lại; "
                            + "hãy giữ trang này mở hoặc mở lại trang tuần tra khi có mạng.",
                        "The phone has no network. The scan is kept with its time and will be sent when the network "
                            + "is back; keep this page open, or open the patrol page again then."
                    )
                )
            }
            .class("scan-result scan-kept")
            .attribute(named: "role", value: "status")
            Paragraph("").id("patrol-sync").class("muted").attribute(named: "role", value: "status")
            Link(lang("Tuần tra hôm nay", "Today's patrols"), url: PatrolURL.index.path).class("button")
        }
        .attribute(named: "data-patrol", value: "offline")
    }
}
