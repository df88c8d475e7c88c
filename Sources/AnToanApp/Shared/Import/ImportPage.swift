import Plot

/// The import form, with links to templates and exports, and the result of a check or an import.
enum ImportPage {
    struct Result {
        var kind: ImportKind
        var rows: Int
        var applied: Bool
        var created: Int
        var dryRun: Bool
        var problems: [ImportProblemRow]
        var problemCount: Int
    }

    struct Model {
        /// The kinds the reader may import, in the registry's order.
        var kinds: [ImportKind]
        /// The kind selected in the form.
        var kind: String
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
        }
    }

    /// What a check or an import found.
    private struct ResultView: Component {
        var result: Result
        var lang: Language

        var body: any Component {
            Div {
                H2(lang("Kết quả", "Result"))
                if result.applied {
                    Paragraph(
                        lang(
                            "Đã nhập \(result.created) dòng \(result.kind.title(lang).lowercased()).",
                            "Imported \(result.created) rows of \(result.kind.title(lang).lowercased())."
                        )
                    )
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
