import AnToanCore
import Fluent
import Foundation
import Vapor

/// Receipts and issues (EQ-4): the list with the form to record one (papers attached), one transfer, its papers.
struct EquipmentTransfersController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(EquipmentURL.transfers.pattern.pathComponents, use: list)
        routes.post(EquipmentURL.transfers.pattern.pathComponents, use: create)
        routes.get(EquipmentURL.transfer(.placeholder).pattern.pathComponents, use: transfer)
        routes.get(
            EquipmentURL.transferDocument(.placeholder, document: .placeholder).pattern.pathComponents,
            use: document
        )
    }

    /// What the form posts.
    struct TransferForm: Decodable {
        var unitId: String?
        var direction: String?
        var onDay: String?
        var counterpart: String?
        var departmentId: String?
        var receiverName: String?
        var documentNumber: String?
        var lines: String?
        var stockItemId: String?
        var stockQuantity: String?
        var notes: String?
        var documents: [File]?

        // The multipart decoder takes the names as they are: the form's are snake_case.
        enum CodingKeys: String, CodingKey {
            case direction, counterpart, lines, notes, documents
            case unitId = "unit_id"
            case onDay = "on_day"
            case departmentId = "department_id"
            case receiverName = "receiver_name"
            case documentNumber = "document_number"
            case stockItemId = "stock_item_id"
            case stockQuantity = "stock_quantity"
        }

        var values: [String: String] {
            [
                "direction": direction ?? "", "on_day": onDay ?? "", "counterpart": counterpart ?? "",
                "department_id": departmentId ?? "", "receiver_name": receiverName ?? "",
                "document_number": documentNumber ?? "", "lines": lines ?? "", "stock_item_id": stockItemId ?? "",
                "stock_quantity": stockQuantity ?? "", "notes": notes ?? "",
            ]
        }

        func input(unitID: UUID) -> TransferInput {
            var problems: [FieldError] = []
            func id(_ field: String, _ text: String?) -> UUID? {
                guard let text, !text.isEmpty else { return nil }
                guard let id = UUID(uuidString: text) else {
                    problems.append(FieldError(field: field, reason: .notFound))
                    return nil
                }
                return id
            }
            var quantity: Int?
            if let text = stockQuantity?.trimmingCharacters(in: .whitespaces), !text.isEmpty {
                quantity = Int(text.replacingOccurrences(of: ".", with: ""))
                if quantity == nil {
                    problems.append(
                        FieldError(
                            field: "stock_quantity",
                            reason: .invalid(vi: "cần một số nguyên", en: "needs a whole number")
                        )
                    )
                }
            }
            var checker = FieldChecker()
            let documents = TransferDocument.check(self.documents, into: &checker)
            return TransferInput(
                unitID: unitID,
                direction: direction,
                onDay: onDay,
                counterpart: counterpart,
                departmentID: id("department_id", departmentId),
                receiverName: receiverName,
                documentNumber: documentNumber,
                lines: lines,
                stockItemID: id("stock_item_id", stockItemId),
                stockQuantity: quantity,
                notes: notes,
                documents: documents,
                problems: problems + checker.errors
            )
        }
    }

    @Sendable func list(req: Request) async throws -> Response {
        try await render(req, failed: nil)
    }

    private func render(_ req: Request, failed: FormFailure?) async throws -> Response {
        let principal = try req.principal(allowedTo: .viewEquipment)
        let ownUnit = GateController.ownUnit(principal)
        let transfers = try await EquipmentQueries.transfers(in: principal.scope, on: req.db)
            .sort(\.$onDay, .descending).sort(\.$createdAt, .descending).limit(300).all()
        var model = TransfersPage.Model(
            unitID: ownUnit,
            canRecord: principal.can(.manageEquipment) && ownUnit != nil,
            today: VietnamTime.day(of: req.application.clock.now()),
            transfers: transfers,
            documentCounts: try await EquipmentQueries.documentCounts(transfers.compactMap(\.id), on: req.db),
            unitNames: try await OrganisationQueries.unitNames(Set(transfers.map(\.unitID)), on: req.db),
            failed: failed
        )
        if let ownUnit, model.canRecord {
            model.departments = try await EquipmentQueries.departments(of: ownUnit, on: req.db).compactMap { unit in
                unit.id.map { ($0.uuidString.lowercased(), unit.name) }
            }
            model.stocks = try await EquipmentQueries.stocks(of: ownUnit, on: req.db).compactMap { item in
                item.id.map { ($0.uuidString.lowercased(), item.displayName + " – " + EquipmentWords.stock(item, .vi)) }
            }
        }
        return req.page(
            req.pageLanguage("Nhập, cấp phát thiết bị", "Receipts and issues"),
            status: failed == nil ? .ok : .unprocessableEntity
        ) {
            TransfersPage.list(model, $0)
        }
    }

    @Sendable func create(req: Request) async throws -> Response {
        let principal = try req.principal(allowedTo: .manageEquipment)
        guard let unitID = GateController.ownUnit(principal) else { throw AppError.forbidden }
        // Taking apart a form with papers and stripping photos' metadata is CPU work: off the event loops.
        let form = try await req.application.offLoop { try req.content.decode(TransferForm.self) }
        let input = try await req.application.offLoop { form.input(unitID: unitID) }
        do {
            let transfer = try await EquipmentTransfers.record(input, by: principal, on: req.application)
            let message = req.pageLanguage("Đã ghi vào sổ nhập, cấp phát.", "Recorded.")
            return req.redirect(
                to: .equipment(.transfer(try transfer.requireID())),
                flash: Flash(kind: .success, message: message)
            )
        } catch AppError.invalidFields(let errors) {
            return try await render(
                req,
                failed: FormFailure(form: TransfersPage.formName, errors: errors, values: form.values)
            )
        }
    }

    @Sendable func transfer(req: Request) async throws -> Response {
        let principal = try req.principal(allowedTo: .viewEquipment)
        let transfer = try await EquipmentQueries.transfer(try req.idParameter(), in: principal.scope, on: req.db)
        let id = try transfer.requireID()
        let names = try await OrganisationQueries.unitNames(
            Set([transfer.unitID] + [transfer.departmentID].compactMap(\.self)),
            on: req.db
        )
        let stock = try await EquipmentQueries.item(named: transfer.stockItemID, on: req.db)
        let model = TransfersPage.One(
            transfer: transfer,
            unitName: names[transfer.unitID] ?? "",
            departmentName: transfer.departmentID.flatMap { names[$0] },
            stockName: stock?.displayName,
            stockMeasure: stock?.measure ?? "",
            documents: try await EquipmentQueries.documents(of: id, on: req.db)
        )
        return req.page(req.pageLanguage("Phiếu nhập, cấp phát", "Receipt or issue")) { TransfersPage.one(model, $0) }
    }

    @Sendable func document(req: Request) async throws -> Response {
        let principal = try req.principal(allowedTo: .viewEquipment)
        let transfer = try await EquipmentQueries.transfer(try req.idParameter(), in: principal.scope, on: req.db)
        guard let documentID = req.parameters.get("document").flatMap(UUID.init(uuidString:)) else {
            throw AppError.notFound
        }
        let document = try await EquipmentQueries.document(documentID, of: transfer, on: req.db)
        let ascii = document.name.unicodeScalars.filter { $0.isASCII && $0 != "\"" && $0 != "\\" && $0.value >= 32 }
        return Response(
            status: .ok,
            headers: [
                "Content-Type": document.contentType, "Cache-Control": "private, max-age=86400",
                "X-Content-Type-Options": "nosniff",
                "Content-Disposition": "inline; filename=\"\(String(String.UnicodeScalarView(ascii)))\"",
            ],
            body: .init(data: document.bytes)
        )
    }
}
