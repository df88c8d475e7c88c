import AnToanCore
import Fluent
import Foundation
import Vapor

/// The pages of goods release notes: the unit's notes with the form to draft one and, for the gate, the approved
/// notes due out today; a note with its approve, refuse and let-out buttons. The approvers' page and the sổ
/// xuất–nhập are in the extensions beside this file.
struct GateGoodsController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(GateGoodsURL.notes.pattern.pathComponents, use: notes)
        routes.post(GateGoodsURL.notes.pattern.pathComponents, use: draft)
        routes.get(GateGoodsURL.note(.placeholder).pattern.pathComponents, use: note)
        routes.post(GateGoodsURL.approve(.placeholder).pattern.pathComponents, use: approve)
        routes.post(GateGoodsURL.refuse(.placeholder).pattern.pathComponents, use: refuse)
        routes.post(GateGoodsURL.release(.placeholder).pattern.pathComponents, use: release)
        routes.get(GateGoodsURL.approvers.pattern.pathComponents, use: approvers)
        routes.post(GateGoodsURL.approvers.pattern.pathComponents, use: addApprover)
        routes.post(GateGoodsURL.approverRemove(.placeholder).pattern.pathComponents, use: removeApprover)
        routes.get(GateGoodsURL.book.pattern.pathComponents, use: book)
    }

    /// The gate's people, the approver keepers and the unit's approvers see every note of their scope; anyone else
    /// of a unit only the notes they drafted.
    static func seesAllNotes(_ principal: Principal, on db: any Database) async throws -> Bool {
        if principal.canSeeGate || principal.can(.manageReleaseApprovers) { return true }
        guard let unitID = GateController.ownUnit(principal) else { return false }
        return try await GateGoodsQueries.approverRecord(of: principal.id, unitID: unitID, on: db) != nil
    }

    /// A note the reader may open: of the scope, and theirs unless they see every note; 404 otherwise.
    static func visibleNote(_ id: UUID, _ principal: Principal, on db: any Database) async throws -> ReleaseNote {
        let note = try await GateGoodsQueries.note(id, in: principal.scope, on: db)
        guard try await seesAllNotes(principal, on: db) || note.createdBy == principal.id else {
            throw AppError.notFound
        }
        return note
    }

    @Sendable func notes(req: Request) async throws -> Response {
        try await renderNotes(req, failed: nil)
    }

    private func renderNotes(_ req: Request, failed: FormFailure?) async throws -> Response {
        let principal = try req.principal()
        let unitID = GateController.ownUnit(principal)
        let today = VietnamTime.day(of: req.application.clock.now())
        let seesAll = try await Self.seesAllNotes(principal, on: req.db)
        let notes = try await GateGoodsQueries.notes(
            in: principal.scope,
            drafter: seesAll ? nil : principal.id,
            on: req.db
        )
        var due: [ReleaseNote] = []
        if let unitID, principal.can(.registerVisitors) {
            due = try await GateGoodsQueries.approved(of: unitID, upTo: today, on: req.db)
        }
        let listed = Set(notes.compactMap(\.id))
        let shown = notes + due.filter { !listed.contains($0.id ?? UUID()) }
        try await VisitorData.logRead(notes: shown, .goodsPage, by: principal, on: req.application)
        var unitName = ""
        if let unitID { unitName = try await OrganisationQueries.unit(unitID, in: principal.scope, on: req.db).name }
        let model = ReleaseNotePages.List(
            unitName: unitName,
            canDraft: unitID != nil,
            canRelease: principal.can(.registerVisitors) && unitID != nil,
            canManageApprovers: principal.can(.manageReleaseApprovers),
            canSeeGate: principal.canSeeGate,
            today: today,
            due: due,
            notes: notes,
            unitNames: try await GateGoodsQueries.unitNames(notes.map(\.unitID), on: req.db),
            showUnit: unitID == nil,
            failed: failed
        )
        return req.page(
            req.pageLanguage("Phiếu xuất hàng (giấy ra cổng)", "Goods release notes"),
            status: failed == nil ? .ok : .unprocessableEntity
        ) { ReleaseNotePages.list(model, $0) }
    }

    @Sendable func draft(req: Request) async throws -> Response {
        let principal = try req.principal()
        var values = (try? req.content.decode([String: String].self)) ?? [:]
        values["_csrf"] = nil
        let input = ReleaseNoteInput(
            carrierName: values["carrier_name"],
            carrierDocument: values["carrier_document"],
            vehiclePlate: values["vehicle_plate"],
            items: values["items"],
            reason: values["reason"],
            expectedDate: values["expected_date"]
        )
        do {
            let note = try await ReleaseNoteService.draft(input, by: principal, on: req.application)
            let flash = Flash(
                kind: .success,
                message: req.pageLanguage("Đã lập phiếu, chờ người duyệt.", "Note drafted; it awaits approval.")
            )
            return req.redirect(to: .gateGoods(.note(try note.requireID())), flash: flash)
        } catch AppError.invalidFields(let errors) {
            let failed = FormFailure(form: ReleaseNotePages.formName, errors: FieldChecker(errors), values: values)
            return try await renderNotes(req, failed: failed)
        }
    }

    @Sendable func note(req: Request) async throws -> Response {
        try await renderNote(req, failed: nil)
    }

    private func renderNote(_ req: Request, failed: FormFailure?) async throws -> Response {
        let principal = try req.principal()
        let note = try await Self.visibleNote(try req.idParameter(), principal, on: req.db)
        try await VisitorData.logRead(notes: [note], .goodsPage, by: principal, on: req.application)
        var isApprover = false
        if GateController.ownUnit(principal) == note.unitID {
            isApprover =
                try await GateGoodsQueries.approverRecord(of: principal.id, unitID: note.unitID, on: req.db) != nil
        }
        let model = ReleaseNotePages.One(
            note: note,
            unitName: try await GateGoodsQueries.unitNames([note.unitID], on: req.db)[note.unitID] ?? "",
            isApprover: isApprover,
            isDrafter: note.createdBy == principal.id,
            canRelease: principal.can(.registerVisitors) && GateController.ownUnit(principal) == note.unitID,
            today: VietnamTime.day(of: req.application.clock.now()),
            failed: failed
        )
        return req.page(
            req.pageLanguage("Phiếu xuất hàng", "Goods release note"),
            status: failed == nil ? .ok : .unprocessableEntity
        ) { ReleaseNotePages.one(model, $0) }
    }

    @Sendable func approve(req: Request) async throws -> Response {
        let principal = try req.principal()
        let id = try req.idParameter()
        do {
            try await ReleaseNoteService.approve(id, by: principal, on: req.application)
        } catch AppError.invalidFields(let errors) {
            return try await renderNote(
                req,
                failed: FormFailure(form: "note", errors: FieldChecker(errors), values: [:])
            )
        }
        let flash = Flash(kind: .success, message: req.pageLanguage("Đã duyệt phiếu.", "Note approved."))
        return req.redirect(to: .gateGoods(.note(id)), flash: flash)
    }

    @Sendable func refuse(req: Request) async throws -> Response {
        let principal = try req.principal()
        let id = try req.idParameter()
        var values = (try? req.content.decode([String: String].self)) ?? [:]
        values["_csrf"] = nil
        do {
            try await ReleaseNoteService.refuse(
                id,
                reason: values["refusal_reason"],
                by: principal,
                on: req.application
            )
        } catch AppError.invalidFields(let errors) {
            let failed = FormFailure(form: ReleaseNotePages.refuseForm, errors: FieldChecker(errors), values: values)
            return try await renderNote(req, failed: failed)
        }
        let flash = Flash(kind: .success, message: req.pageLanguage("Đã từ chối phiếu.", "Note refused."))
        return req.redirect(to: .gateGoods(.note(id)), flash: flash)
    }

    @Sendable func release(req: Request) async throws -> Response {
        let principal = try req.principal(allowedTo: .registerVisitors)
        let id = try req.idParameter()
        do {
            let note = try await ReleaseNoteService.release(id, by: principal, on: req.application)
            let message = req.pageLanguage(
                "Đã cho hàng ra cổng (\(note.goods.count) mặt hàng, người mang: \(note.carrierName)).",
                "Goods let out (\(note.goods.count) items, carried by \(note.carrierName))."
            )
            return req.redirect(to: .gateGoods(.notes), flash: Flash(kind: .success, message: message))
        } catch AppError.invalidFields(let errors) {
            return try await renderNote(
                req,
                failed: FormFailure(form: "note", errors: FieldChecker(errors), values: [:])
            )
        }
    }
}
