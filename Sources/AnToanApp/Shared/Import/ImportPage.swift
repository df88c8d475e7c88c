import Plot

/// The import form, with links to templates and exports, and the result of a check or an import.
enum ImportPage {
    struct Result {
        var kind: ImportKind
        var rows: Int
        var applied: Bool
        var created: Int
        var updated: Int
        var dryRun: Bool
        var problems: [ImportProblemRow]
        var problemCount: Int
    }

    /// An export that can show identity numbers in full, and how many it would show.
    struct Reveal {
        var kind: ImportKind
        var count: Int
    }

    struct Model {
        /// The kinds the reader may import, in the registry's order.
        var kinds: [ImportKind]
        /// The kind selected in the form.
        var kind: String
        /// The exports the reader may ask for with identity numbers in full.
        var reveals: [Reveal] = []
        var errors = FieldChecker()
        var result: Result?
    }

    static func view(_ model: Model, _ context: PageContext) -> any Component {
        let lang = context.lang
        return Div {
            H1(lang("Nhập dữ liệu từ bảng tính", "Import from a spreadsheet"))
            Paragraph(
                lang(
                    "Tải lên tệp Excel (.xlsx) hoặc CSV UTF-8 theo mẫu. Dòng 1 là tiêu đề cột, tiếng Việt hoặc tiếng Anh. "
                        + "Kiểm tra trước để xem mọi lỗi; khi nhập, hoặc tất cả các dòng được ghi, hoặc không dòng nào.",
                    "Upload an Excel (.xlsx) or UTF-8 CSV file laid out as the template. Row 1 holds the column headers, "
                        + "in Vietnamese or English. Check first to see every problem; an import writes all rows or none."
                )
            )
            Form(url: ImportURL.form.path, method: .post) {
                Input(type: .hidden, name: "_csrf", value: context.csrf)
                SelectField(
                    name: "kind",
                    label: lang("Loại dữ liệu", "What to import"),
                    options: model.kinds.map { ($0.id, $0.title(lang)) },
                    selected: model.kind,
                    error: model.errors.message(for: "kind", lang)
                )
                FileField(
                    label: lang("Tệp (.xlsx hoặc .csv, tối đa 10 MB)", "File (.xlsx or .csv, 10 MB at most)"),
                    error: model.errors.message(for: "file", lang)
                )
                Div {
                    Button(lang("Kiểm tra (không ghi)", "Check (write nothing)"))
                        .attribute(named: "type", value: "submit").attribute(named: "name", value: "mode")
                        .attribute(named: "value", value: "check").class("secondary")
                    Button(lang("Nhập dữ liệu", "Import"))
                        .attribute(named: "type", value: "submit").attribute(named: "name", value: "mode")
                        .attribute(named: "value", value: "apply")
                }
            }
            .attribute(named: "enctype", value: "multipart/form-data")
            .class("card")
            if let result = model.result {
                ResultView(result: result, lang: lang)
            }
            H2(lang("Mẫu và dữ liệu hiện có", "Templates and current data"))
            Div {
                El("table") {
                    El("thead") {
                        El("tr") {
                            TableHeaderCell(lang("Loại dữ liệu", "Kind"))
                            TableHeaderCell(lang("Mẫu trống", "Blank template"))
                            TableHeaderCell(lang("Xuất trong phạm vi của bạn", "Export within your scope"))
                        }
                    }
                    El("tbody") {
                        for kind in model.kinds {
                            El("tr") {
                                TableCell(kind.title(lang))
                                TableCell {
                                    Link("Excel", url: ImportURL.template(kind, .xlsx).path)
                                    Text(" · ")
                                    Link("CSV", url: ImportURL.template(kind, .csv).path)
                                }
                                TableCell {
                                    Link("Excel", url: ImportURL.export(kind, .xlsx).path)
                                    Text(" · ")
                                    Link("CSV", url: ImportURL.export(kind, .csv).path)
                                }
                            }
                        }
                    }
                }
            }
            .class("table-wrap")
            for reveal in model.reveals {
                RevealForm(reveal: reveal, lang: lang)
            }
        }
    }

    /// An export with identity numbers in full, only when asked for: the box is unticked, and the sentence says how
    /// many numbers the file will hold and that the export is recorded.
    private struct RevealForm: Component {
        var reveal: Reveal
        var lang: Language

        var body: any Component {
            let id = "reveal-\(reveal.kind.id)"
            return Form(url: ImportURL.exportForm(reveal.kind).path, method: .get) {
                H3(lang("Xuất ", "Export ") + reveal.kind.title(lang).lowercased())
                SelectField(
                    name: "format",
                    label: lang("Định dạng", "Format"),
                    options: [("xlsx", "Excel (.xlsx)"), ("csv", "CSV")],
                    selected: "xlsx"
                )
                Div {
                    Input(type: .checkbox, name: "reveal", value: "identity").id(id).class("check")
                        .attribute(named: "aria-describedby", value: "\(id)-note")
                    Label(lang(" Hiện đầy đủ số CCCD", " Show identity numbers in full")) {}
                        .attribute(named: "for", value: id)
                }
                .class("field")
                Paragraph(
                    lang(
                        "Nếu đánh dấu, tệp xuất sẽ chứa \(reveal.count) số CCCD đầy đủ và việc xuất này được ghi vào "
                            + "nhật ký hệ thống. Nếu không, số CCCD được che (chỉ hiện 2 chữ số đầu và 2 chữ số cuối).",
                        "If ticked, the file will hold \(reveal.count) identity numbers in full, and the export is "
                            + "recorded in the audit trail. Otherwise they are masked (only the first two and last two "
                            + "digits show)."
                    )
                )
                .class("muted").id("\(id)-note")
                Button(lang("Xuất danh sách", "Export the list")).attribute(named: "type", value: "submit")
            }
            .class("card")
        }
    }

    /// What a check or an import found.
    private struct ResultView: Component {
        var result: Result
        var lang: Language

        /// "Đã nhập 3 dòng …", or how many were new and how many updated when the file named some already there.
        var applied: String {
            let title = result.kind.title(lang).lowercased()
            guard result.updated > 0 else {
                return lang("Đã nhập \(result.created) dòng \(title).", "Imported \(result.created) rows of \(title).")
            }
            let unchanged = result.rows - result.created - result.updated
            return lang(
                "Đã nhập \(title): \(result.created) mới, \(result.updated) cập nhật"
                    + (unchanged > 0 ? ", \(unchanged) dòng không thay đổi." : "."),
                "Imported \(title): \(result.created) new, \(result.updated) updated"
                    + (unchanged > 0 ? ", \(unchanged) rows unchanged." : ".")
            )
        }

        var body: any Component {
            Div {
                H2(lang("Kết quả", "Result"))
                if result.applied {
                    Paragraph(applied)
                        .class("flash flash-success").attribute(named: "role", value: "status")
                } else if result.problemCount == 0 {
                    Paragraph(
                        lang(
                            "Tệp có \(result.rows) dòng dữ liệu, không có lỗi. Có thể bấm \"Nhập dữ liệu\".",
                            "The file has \(result.rows) data rows and no problems. You can press \"Import\"."
                        )
                    )
                    .class("flash flash-success").attribute(named: "role", value: "status")
                } else {
                    Paragraph(
                        lang(
                            "Tệp có \(result.rows) dòng dữ liệu và \(result.problemCount) lỗi. Chưa ghi dòng nào; "
                                + "hãy sửa tệp rồi tải lên lại.",
                            "The file has \(result.rows) data rows and \(result.problemCount) problems. Nothing was "
                                + "written; fix the file and upload it again."
                        )
                    )
                    .class("flash flash-error").attribute(named: "role", value: "alert")
                    ImportProblemTable(rows: result.problems, total: result.problemCount, lang: lang)
                }
            }
        }
    }
}

/// One problem as a page shows it.
struct ImportProblemRow: Sendable {
    var row: Int
    var column: String
    var reason: String
}

/// The Dòng / Cột / Lý do table of an import's problems.
struct ImportProblemTable: Component {
    /// A page lists this many problems; the API and the command line list them all.
    static let shown = 1_000

    var rows: [ImportProblemRow]
    var total: Int
    var lang: Language

    var body: any Component {
        Div {
            El("table", ["id": "import-problems"]) {
                El("thead") {
                    El("tr") {
                        TableHeaderCell(lang("Dòng", "Row"))
                        TableHeaderCell(lang("Cột", "Column"))
                        TableHeaderCell(lang("Lý do", "Reason"))
                    }
                }
                El("tbody") {
                    for problem in rows.prefix(Self.shown) {
                        El("tr") {
                            TableCell(String(problem.row))
                            TableCell(problem.column)
                            TableCell(problem.reason)
                        }
                    }
                }
            }
            if total > min(rows.count, Self.shown) {
                Paragraph(
                    lang(
                        "… và \(total - min(rows.count, Self.shown)) lỗi khác.",
                        "… and \(total - min(rows.count, Self.shown)) more."
                    )
                )
                .class("muted")
            }
        }
        .class("table-wrap")
    }
}

/// A labelled file input with its error beside it.
private struct FileField: Component {
    var label: String
    var error: String?

    var body: any Component {
        Div {
            Label(label) {}.attribute(named: "for", value: "file")
            Input(type: .file, name: "file")
                .id("file")
                .attribute(named: "accept", value: ".xlsx,.csv,text/csv,\(ImportFileFormat.xlsxType)")
                .attribute(named: "required", value: "required")
                .attribute(named: "aria-invalid", value: error == nil ? "" : "true")
                .attribute(named: "aria-describedby", value: error == nil ? "" : "file-error")
            if let error {
                Paragraph(error).class("field-error").id("file-error")
            }
        }
        .class(error == nil ? "field" : "field has-error")
    }
}
