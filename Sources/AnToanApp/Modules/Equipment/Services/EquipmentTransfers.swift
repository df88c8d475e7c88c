import AnToanCore
import Fluent
import Foundation
import Vapor

/// A receipt or an issue as a form or the API gives it: raw values.
struct TransferInput: Sendable {
    var unitID: UUID
    var direction: String?
    var onDay: String?
    var counterpart: String?
    var departmentID: UUID?
    var receiverName: String?
    var documentNumber: String?
    /// One item a line: "mô tả | số lượng | đơn vị tính".
    var lines: String?
    var stockItemID: UUID?
    var stockQuantity: Int?
    var notes: String?
    var documents: [TransferDocument] = []
    var problems: [FieldError] = []
}

/// A paper uploaded with a transfer, checked by its bytes.
struct TransferDocument: Sendable {
    var name: String
    var contentType: String
    var bytes: Data

    static let maxCount = 5
    static let maxBytes = 8 * 1024 * 1024

    /// The files of the form's `documents` field: PDF, JPEG, PNG or HEIC, at most 8 MB each and 5 in all. A photo's
    /// location is removed, as for incidents.
    static func check(_ files: [File]?, into checker: inout FieldChecker) -> [TransferDocument] {
        let files = (files ?? []).filter { $0.data.readableBytes > 0 }
        guard files.count <= maxCount else {
            checker.add("documents", .invalid(vi: "tối đa \(maxCount) tệp", en: "at most \(maxCount) files"))
            return []
        }
        var documents: [TransferDocument] = []
        for (index, file) in files.enumerated() {
            let number = index + 1
            let data = Data(file.data.readableBytesView)
            guard data.count <= maxBytes else {
                checker.add(
                    "documents",
                    .invalid(
                        vi: "tệp thứ \(number) quá lớn (tối đa \(maxBytes / 1_048_576) MB)",
                        en: "file \(number) is too large (\(maxBytes / 1_048_576) MB at most)"
                    )
                )
                continue
            }
            let name = String(file.filename.prefix(200))
            if data.starts(with: Array("%PDF-".utf8)) {
                documents.append(TransferDocument(name: name, contentType: "application/pdf", bytes: data))
            } else if let format = PhotoFile.format(of: data),
                let bytes = PhotoFile.stripped(data, format, keep: .orientationOnly)
            {
                documents.append(TransferDocument(name: name, contentType: format.contentType, bytes: bytes))
            } else {
                checker.add(
                    "documents",
                    .invalid(
                        vi: "tệp thứ \(number) không phải PDF hay ảnh JPEG, PNG, HEIC",
                        en: "file \(number) is not a PDF nor a JPEG, PNG or HEIC photo"
                    )
                )
            }
        }
        return documents
    }
}

/// Receipts and issues: each checked whole, then written in one transaction with its papers, the stock it moves,
/// and its audit entry.
enum EquipmentTransfers {
    static let entity = "equipment_transfer"
    static let maxText = 300

    @discardableResult
    static func record(
        _ input: TransferInput,
        by principal: Principal,
        on app: Application
    ) async throws
        -> EquipmentTransfer
    {
        guard principal.can(.manageEquipment) else { throw AppError.forbidden }
        let now = app.clock.now()
        return try await app.write { db in
            let unit = try await GateService.topUnit(input.unitID, in: principal.scope, on: db)
            let unitID = try unit.requireID()
            var checker = FieldChecker(input.problems)
            let direction = checker.choice("direction", input.direction, EquipmentTransfer.Direction.self)
            let day = checker.date("on_day", input.onDay, optional: false)
            let counterpart = checker.name("counterpart", input.counterpart, max: maxText)
            let receiver = checker.name("receiver_name", input.receiverName, max: maxText, optional: true)
            let document = checker.text("document_number", input.documentNumber, max: 100, optional: true)
            let notes = checker.text("notes", input.notes, max: 2_000, optional: true, kind: .multiline)
            let lines = checker.text("lines", input.lines, max: 20_000, kind: .multiline)
            var items: [GoodsItem] = []
            if !lines.isEmpty, checker.message(for: "lines", .vi) == nil {
                switch GoodsItem.parse(lines) {
                case .success(let parsed): items = parsed
                case .failure(let problem): checker.add("lines", .invalid(vi: problem.vi, en: problem.en))
                }
            }
            if let departmentID = input.departmentID {
                let department = try await OrgUnit.query(on: db).filter(\.$id == departmentID).first()
                if department?.$parent.id != unitID { checker.add("department_id", .notFound) }
            }
            var stock: EquipmentItem?
            if let stockID = input.stockItemID {
                stock = try await db.lockedRow(EquipmentItem.self, stockID)
                if stock?.unitID != unitID || stock?.kindValue.isCounted != true {
                    checker.add(
                        "stock_item_id",
                        .invalid(
                            vi: "không phải loại tính theo số lượng của đơn vị",
                            en: "is not a counted stock of the unit"
                        )
                    )
                    stock = nil
                }
                let moved = input.stockQuantity ?? 0
                if moved <= 0 {
                    checker.add("stock_quantity", .invalid(vi: "cần một số lớn hơn 0", en: "needs a number above 0"))
                } else if let stock, direction == .issue, moved > stock.quantity {
                    checker.add(
                        "stock_quantity",
                        .invalid(
                            vi: "chỉ còn \(stock.quantity) \(stock.measure) trong kho",
                            en: "only \(stock.quantity) \(stock.measure) in store"
                        )
                    )
                }
            } else if let moved = input.stockQuantity, moved != 0 {
                checker.add(
                    "stock_item_id",
                    .invalid(vi: "chọn loại để cộng, trừ số lượng", en: "choose the stock it moves")
                )
            }
            try checker.check()
            let transfer = EquipmentTransfer()
            transfer.unitID = unitID
            transfer.areaPath = unit.areaPath
            transfer.direction = (direction ?? .receipt).rawValue
            transfer.onDay = day ?? ""
            transfer.counterpart = counterpart
            transfer.departmentID = input.departmentID
            transfer.receiverName = receiver
            transfer.documentNumber = document
            transfer.lines = items.map(\.line).joined(separator: "\n")
            transfer.stockItemID = stock?.id
            transfer.stockQuantity = stock == nil ? 0 : input.stockQuantity ?? 0
            transfer.notes = notes
            transfer.createdByName = principal.displayName
            transfer.createdAt = now
            try await transfer.insert(on: db)
            for (position, upload) in input.documents.enumerated() {
                let document = EquipmentTransferDocument()
                document.transferID = try transfer.requireID()
                document.position = position
                document.name = upload.name
                document.contentType = upload.contentType
                document.byteCount = upload.bytes.count
                document.bytes = upload.bytes
                try await document.insert(on: db)
            }
            if let stock {
                let before = stock.auditSnapshot
                stock.quantity += direction == .issue ? -transfer.stockQuantity : transfer.stockQuantity
                stock.updatedAt = now
                try await stock.persist(on: db)
                try await EquipmentRegistry.record(stock, before: before, by: principal, on: db, now: now)
            }
            var after = transfer.auditSnapshot
            after["documents"] = String(input.documents.count)
            try await AuditTrail.record(
                on: db,
                actor: principal.auditActor,
                action: .create,
                entity: entity,
                entityID: try transfer.requireID().uuidString,
                before: nil,
                after: after,
                now: now
            )
            return transfer
        }
    }
}
