import Foundation
import Plot

/// The administrator's list of background jobs by state: kind in words, times, attempts, the last error, and
/// "Chạy lại" for a failed one.
enum JobsPage {
    struct Row {
        var id: UUID
        var kind: String
        var state: Job.State
        var runAt: Date
        var attempts: Int
        var maxAttempts: Int
        var error: String?
        var finishedAt: Date?
        var recurring: Bool
    }

    struct Model {
        var state: Job.State?
        var counts: [Job.State: Int]
        var rows: [Row]
    }

    static func view(_ model: Model, _ context: PageContext) -> any Component {
        let lang = context.lang
        return Div {
            H1(lang("Công việc chạy nền", "Background jobs"))
            Paragraph(
                lang(
                    "Mỗi công việc chạy ít nhất một lần trên một máy chủ bất kỳ; lỗi thì thử lại sau một khoảng chờ tăng dần.",
                    "Each job runs at least once on any server; after an error it is tried again after a growing wait."
                )
            )
            .class("muted")
            Navigation {
                List([nil] + Job.State.allCases) { (state: Job.State?) in
                    let count = state.map { model.counts[$0] ?? 0 } ?? model.counts.values.reduce(0, +)
                    let name = state.map { JobWords.state($0, lang) } ?? lang("Tất cả", "All")
                    let url = AdminURL.jobs.path + (state.map { "?state=\($0.rawValue)" } ?? "")
                    return Link("\(name) (\(count))", url: url)
                        .attribute(named: "aria-current", value: state == model.state ? "page" : "")
                }
            }
            .class("filters")
            .accessibilityLabel(lang("Lọc theo trạng thái", "Filter by state"))
            if model.rows.isEmpty {
                Paragraph(lang("Không có công việc nào.", "No jobs.")).class("muted")
            } else {
                DataTable(headers: [
                    lang("Công việc", "Job"), lang("Trạng thái", "State"), lang("Thời điểm chạy", "Runs at"),
                    lang("Số lần thử", "Attempts"), lang("Lỗi gần nhất", "Last error"), "",
                ]) {
                    for row in model.rows { self.row(row, context) }
                }
            }
        }
    }

    private static func row(_ row: Row, _ context: PageContext) -> any Component {
        let lang = context.lang
        return El("tr") {
            TableCell {
                Text(JobWords.kind(row.kind, lang))
                if row.recurring { Span(" · " + lang("định kỳ", "recurring")).class("muted") }
            }
            TableCell {
                Text(JobWords.state(row.state, lang))
                if let finished = row.finishedAt {
                    Span(" " + lang("lúc", "at") + " " + VietnamTime.dateTime(finished)).class("muted")
                }
            }
            TableCell("\(lang("Chạy lúc", "Runs at")) \(VietnamTime.dateTime(row.runAt))")
            TableCell("\(lang("Đã thử", "Attempts")) \(row.attempts)/\(row.maxAttempts)")
            TableCell(row.error ?? "")
            TableCell {
                if row.state == .failed {
                    PostForm(url: .admin(.jobRetry(row.id)), csrf: context.csrf, class: "inline") {
                        Button(lang("Chạy lại", "Run again")).attribute(named: "type", value: "submit")
                    }
                }
            }
        }
    }
}
