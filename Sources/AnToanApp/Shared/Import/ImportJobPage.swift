import Foundation
import Plot

/// A background import: how far it got, refreshing itself every second while it runs; then what it found.
enum ImportJobPage {
    struct Model {
        /// The kind's title, or its id when no module registers it any more.
        var kindTitle: String
        var filename: String
        var status: ImportJob.Status
        /// The process that ran it stopped before it finished.
        var interrupted: Bool
        var done: Int
        var total: Int
        var created: Int
        var updated: Int
        var problems: [ImportProblemRow]
        var problemCount: Int

        var isRunning: Bool { status.isRunning && !interrupted }
    }

    static func view(_ model: Model, _ context: PageContext) -> any Component {
        let lang = context.lang
        return Div {
            if model.isRunning {
                // Meta refresh works without script; the handler also sends a Refresh header.
                El("meta", ["http-equiv": "refresh", "content": "1"]) {}
            }
            H1(lang("Nhập dữ liệu: ", "Import: ") + model.kindTitle)
            Paragraph {
                Text(lang("Tệp: ", "File: "))
                Span(model.filename.isEmpty ? "—" : model.filename).class("who")
            }
            Paragraph(statusText(model, lang)).id("import-status")
                .attribute(named: "role", value: "status")
                .attribute(named: "aria-live", value: "polite")
            El("progress", ["value": String(model.done), "max": String(max(model.total, 1))]) {
                Text("\(model.done)/\(model.total)")
            }
            Paragraph(lang("Đã xử lý \(model.done)/\(model.total) dòng", "Processed \(model.done)/\(model.total) rows"))
                .id("import-progress")
            if model.status == .problems {
                ImportProblemTable(rows: model.problems, total: model.problemCount, lang: lang)
            }
            Paragraph { Link(lang("Nhập tệp khác", "Import another file"), url: ImportURL.form.path) }
        }
    }

    private static func statusText(_ model: Model, _ lang: Language) -> String {
        if model.interrupted {
            return lang(
                "Việc nhập bị gián đoạn (máy chủ đã khởi động lại). Không dòng nào được ghi; hãy tải tệp lên lại.",
                "The import was interrupted (the server restarted). Nothing was written; upload the file again."
            )
        }
        switch model.status {
        case .queued: return lang("Đang chờ…", "Waiting…")
        case .checking: return lang("Đang kiểm tra các dòng…", "Checking the rows…")
        case .writing: return lang("Đang ghi vào cơ sở dữ liệu…", "Writing to the database…")
        case .done where model.updated > 0:
            return lang(
                "Đã nhập xong: \(model.created) mới, \(model.updated) cập nhật.",
                "Imported: \(model.created) new, \(model.updated) updated."
            )
        case .done: return lang("Đã nhập xong \(model.created) dòng.", "Imported \(model.created) rows.")
        case .problems:
            return lang(
                "Tệp có \(model.problemCount) lỗi nên chưa ghi dòng nào. Hãy sửa tệp rồi tải lên lại.",
                "The file has \(model.problemCount) problems, so nothing was written. Fix it and upload it again."
            )
        case .failed:
            return lang(
                "Có lỗi ở máy chủ khi nhập; không dòng nào được ghi. Hãy thử lại sau.",
                "The server failed during the import; nothing was written. Try again later."
            )
        }
    }
}
