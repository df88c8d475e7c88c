import AnToanCore
import Foundation
import Plot

/// The sổ nhập, cấp phát: receipts from suppliers and issues to departments or forces, the form to record one with
/// its papers, and one transfer with its lines and papers.
enum TransfersPage {
    struct Model {
        var unitID: UUID?
        var canRecord: Bool
        var today: SolarDate
        var transfers: [EquipmentTransfer]
        var documentCounts: [UUID: Int]
        var unitNames: [UUID: String]
        var departments: [(String, String)] = []
        /// (item id, "Đạn – Còn 120 viên") of the unit's counted stocks.
        var stocks: [(String, String)] = []
        var failed: FormFailure?
    }

    struct One {
        var transfer: EquipmentTransfer
        var unitName: String
        var departmentName: String?
        var stockName: String?
        var stockMeasure: String
        var documents: [EquipmentTransferDocument]
    }

    static let formName = "transfer"

    static func list(_ model: Model, _ context: PageContext) -> any Component {
        let lang = context.lang
        return Div {
            H1(lang("Nhập, cấp phát thiết bị", "Receipts and issues"))
            Div {
                Link(lang("Về sổ thiết bị", "Back to the registry"), url: SiteURL.equipment(.list).path)
            }
            .class("filters")
            if model.canRecord { form(model, context) }
            H2(lang("Đã ghi", "Recorded"))
            if model.transfers.isEmpty {
                Paragraph(lang("Chưa ghi lần nhập, cấp phát nào.", "Nothing recorded yet.")).class("muted")
            } else {
                DataTable(headers: [
                    lang("Ngày", "Day"), lang("Loại", "Kind"), lang("Nhà cung cấp, nơi nhận", "Supplier or recipient"),
                    lang("Mặt hàng", "Items"), lang("Giấy tờ", "Papers"),
                ]) {
                    for transfer in model.transfers { row(transfer, model, lang) }
                }
            }
        }
    }

    private static func row(_ transfer: EquipmentTransfer, _ model: Model, _ lang: Language) -> any Component {
        let id = transfer.id ?? .placeholder
        let direction = transfer.directionValue
        let items = transfer.items
        let summary =
            items.prefix(3).map { "\($0.description) (\($0.quantity) \($0.unit))" }.joined(separator: "; ")
            + (items.count > 3 ? lang(" và \(items.count - 3) mục khác", " and \(items.count - 3) more") : "")
        return El("tr") {
            TableCell {
                Link(EquipmentWords.day(transfer.onDay), url: SiteURL.equipment(.transfer(id)).path)
                if model.unitID == nil { Div { Text(model.unitNames[transfer.unitID] ?? "") }.class("muted") }
            }
            .attribute(named: "data-label", value: lang("Ngày", "Day"))
            TableCell(lang(direction.nameVi, direction.nameEn)).attribute(
                named: "data-label",
                value: lang("Loại", "Kind")
            )
            TableCell(transfer.counterpart).attribute(
                named: "data-label",
                value: lang("Nhà cung cấp, nơi nhận", "Supplier or recipient")
            )
            TableCell(summary).attribute(named: "data-label", value: lang("Mặt hàng", "Items"))
            TableCell(String(model.documentCounts[id] ?? 0)).attribute(
                named: "data-label",
                value: lang("Giấy tờ", "Papers")
            )
        }
    }

    private static func form(_ model: Model, _ context: PageContext) -> any Component {
        let lang = context.lang
        let form = NamedForm(name: formName, failed: model.failed, context: context)
        let directions = EquipmentTransfer.Direction.allCases.map { ($0.rawValue, lang($0.nameVi, $0.nameEn)) }
        let none = ("", lang("— Không —", "— None —"))
        let summary = ErrorSummary(
            errors: FormFailure.errors(model.failed, formName),
            labels: [:],
            idPrefix: form.idPrefix,
            lang: lang
        )
        return El("details", form.isOpen ? ["open": "open"] : [:]) {
            El("summary") { Text(lang("Ghi lần nhập hoặc cấp phát", "Record a receipt or an issue")) }
            Form(url: SiteURL.equipment(.transfers).path, method: .post) {
                Input(type: .hidden, name: "_csrf", value: context.csrf)
                summary
                form.select(
                    "direction",
                    lang("Loại", "Kind"),
                    directions,
                    initial: EquipmentTransfer.Direction.receipt.rawValue
                )
                form.text("on_day", lang("Ngày (dd/MM/yyyy)", "Day (dd/MM/yyyy)"), max: 10, initial: model.today.dmy)
                form.text(
                    "counterpart",
                    lang(
                        "Nhà cung cấp (khi nhập) hoặc bộ phận, lực lượng nhận (khi cấp)",
                        "Supplier (receipt) or receiving department or force (issue)"
                    ),
                    max: EquipmentTransfers.maxText
                )
                if !model.departments.isEmpty {
                    form.select(
                        "department_id",
                        lang("Phòng ban nhận (khi cấp)", "Receiving department (issue)"),
                        [none] + model.departments,
                        initial: ""
                    )
                }
                form.text(
                    "receiver_name",
                    lang("Người giao, nhận (ký)", "Who delivered or received (signs)"),
                    required: false,
                    max: EquipmentTransfers.maxText
                )
                form.text(
                    "document_number",
                    lang("Số hóa đơn, phiếu, quyết định", "Invoice, note or decision number"),
                    required: false,
                    max: 100
                )
                TextAreaField(
                    name: "lines",
                    label: lang(
                        "Mặt hàng, mỗi dòng: mô tả | số lượng | đơn vị tính",
                        "Items, one a line: description | quantity | unit"
                    ),
                    value: form.value("lines"),
                    error: form.error("lines"),
                    max: 20_000,
                    rows: 4,
                    id: form.idPrefix + "lines"
                )
                if !model.stocks.isEmpty {
                    form.select(
                        "stock_item_id",
                        lang("Cộng, trừ vào số lượng của (đạn …)", "Moves the stock of (rounds …)"),
                        [none] + model.stocks,
                        initial: ""
                    )
                    form.text(
                        "stock_quantity",
                        lang("Số lượng cộng, trừ", "Count moved"),
                        type: .number,
                        required: false,
                        max: 10
                    )
                }
                TextAreaField(
                    name: "notes",
                    label: lang("Ghi chú", "Notes"),
                    value: form.value("notes"),
                    error: form.error("notes"),
                    max: 2_000,
                    required: false,
                    id: form.idPrefix + "notes"
                )
                documentsField(form, lang)
                Button(lang("Ghi vào sổ", "Record")).attribute(named: "type", value: "submit")
            }
            .attribute(named: "enctype", value: "multipart/form-data")
            .class("card")
        }
    }

    private static func documentsField(_ form: NamedForm, _ lang: Language) -> any Component {
        let id = form.idPrefix + "documents"
        let error = form.error("documents")
        var attributes = [
            "type": "file", "name": "documents[]", "id": id, "accept": "application/pdf,image/*",
            "multiple": "multiple",
        ]
        if error != nil { attributes["aria-invalid"] = "true" }
        return Div {
            Label(
                lang(
                    "Hóa đơn, phiếu, quyết định (PDF hoặc ảnh; tối đa \(TransferDocument.maxCount) tệp)",
                    "Invoice, note or decision (PDF or photo; up to \(TransferDocument.maxCount) files)"
                )
            ) {}
            .attribute(named: "for", value: id)
            El("input", attributes) {}
            if let error { Paragraph(error).class("field-error").id("\(id)-error") }
        }
        .class(error == nil ? "field" : "field has-error")
    }

    static func one(_ model: One, _ context: PageContext) -> any Component {
        let lang = context.lang
        let transfer = model.transfer
        let id = transfer.id ?? .placeholder
        let direction = transfer.directionValue
        var stock = ""
        if let name = model.stockName {
            stock = (direction == .issue ? "− " : "+ ") + "\(transfer.stockQuantity) \(model.stockMeasure) " + name
        }
        let facts: [(String, String)] = [
            (lang("Đơn vị", "Unit"), model.unitName), (lang("Loại", "Kind"), lang(direction.nameVi, direction.nameEn)),
            (lang("Ngày", "Day"), EquipmentWords.day(transfer.onDay)),
            (
                direction == .receipt ? lang("Nhà cung cấp", "Supplier") : lang("Nơi nhận", "Recipient"),
                transfer.counterpart
            ),
            (lang("Phòng ban nhận", "Department"), model.departmentName ?? ""),
            (lang("Người giao, nhận", "Delivered or received by"), transfer.receiverName),
            (lang("Số hóa đơn, phiếu, quyết định", "Paper number"), transfer.documentNumber),
            (lang("Số lượng trong kho", "Stock moved"), stock), (lang("Ghi chú", "Notes"), transfer.notes),
            (
                lang("Người ghi", "Recorded by"),
                transfer.createdByName + ", " + VietnamTime.dateTime(transfer.createdAt)
            ),
        ]
        return Div {
            H1(lang(direction.nameVi, direction.nameEn) + " " + EquipmentWords.day(transfer.onDay))
            El("dl", ["class": "facts"]) {
                for (term, value) in facts where !value.isEmpty {
                    El("dt") { Text(term) }
                    El("dd") { Text(value) }
                }
            }
            DataTable(headers: [
                lang("STT", "No."), lang("Mặt hàng", "Item"), lang("Số lượng", "Qty"), lang("ĐVT", "Unit"),
            ]) {
                for (index, item) in transfer.items.enumerated() {
                    El("tr") {
                        TableCell(String(index + 1)).attribute(named: "data-label", value: lang("STT", "No."))
                        TableCell(item.description).attribute(named: "data-label", value: lang("Mặt hàng", "Item"))
                        TableCell(item.quantity).attribute(named: "data-label", value: lang("Số lượng", "Qty"))
                        TableCell(item.unit).attribute(named: "data-label", value: lang("ĐVT", "Unit"))
                    }
                }
            }
            H2(lang("Giấy tờ kèm theo", "Papers"))
            if model.documents.isEmpty {
                Paragraph(lang("Không có tệp đính kèm.", "No paper attached.")).class("muted")
            } else {
                List(model.documents) { document in
                    Link(
                        "\(document.name) (\(max(1, document.byteCount / 1024)) KB)",
                        url: SiteURL.equipment(.transferDocument(id, document: document.id ?? .placeholder)).path
                    )
                }
            }
            Link(lang("Về sổ nhập, cấp phát", "Back to receipts and issues"), url: SiteURL.equipment(.transfers).path)
        }
    }
}
