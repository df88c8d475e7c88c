import AnToanCore
import Foundation
import Vapor

/// Certificates, loss reports and the sổ theo dõi công cụ hỗ trợ.
extension CustodyController {
    @Sendable func certificates(req: Request) async throws -> Response {
        try await renderCertificates(req, failed: nil)
    }

    private func renderCertificates(_ req: Request, failed: FormFailure?) async throws -> Response {
        let principal = try req.principal(allowedTo: .manageEquipment)
        let rows = try await CustodyQueries.certificates(in: principal.scope, on: req.db)
        let unitID = GateController.ownUnit(principal)
        var staff: [StaffMember] = []
        if let unitID { staff = try await CustodyQueries.staff(of: unitID, on: req.db) }
        let model = CustodyRecordsPages.Certificates(
            certificates: rows,
            names: try await OrganisationQueries.staffNames(Set(rows.map(\.staffID)), on: req.db),
            staff: staff,
            today: VietnamTime.day(of: req.application.clock.now()),
            canAdd: unitID != nil,
            failed: failed
        )
        return req.page(
            req.pageLanguage("Chứng nhận huấn luyện", "Training certificates"),
            status: failed == nil ? .ok : .unprocessableEntity
        ) { CustodyRecordsPages.certificates(model, $0) }
    }

    @Sendable func addCertificate(req: Request) async throws -> Response {
        let principal = try req.principal(allowedTo: .manageEquipment)
        let values = req.formValues
        let input = CertificateInput(
            staffID: values["staff_id"].flatMap(UUID.init(uuidString:)),
            category: values["category"],
            kind: values["kind"],
            number: values["number"],
            issuer: values["issuer"],
            issuedOn: values["issued_on"],
            validUntil: values["valid_until"]
        )
        do {
            _ = try await TrainingCertificates.add(input, by: principal, on: req.application)
        } catch AppError.invalidFields(let errors) {
            let failed = FormFailure(form: CustodyRecordsPages.certificateForm, errors: errors, values: values)
            return try await renderCertificates(req, failed: failed)
        }
        let flash = Flash(kind: .success, message: req.pageLanguage("Đã thêm chứng nhận.", "Certificate added."))
        return req.redirect(to: .custody(.certificates), flash: flash)
    }

    @Sendable func removeCertificate(req: Request) async throws -> Response {
        let principal = try req.principal(allowedTo: .manageEquipment)
        try await TrainingCertificates.remove(try req.idParameter(), by: principal, on: req.application)
        let flash = Flash(kind: .success, message: req.pageLanguage("Đã xóa chứng nhận.", "Certificate removed."))
        return req.redirect(to: .custody(.certificates), flash: flash)
    }

    @Sendable func lossReports(req: Request) async throws -> Response {
        try await renderLosses(req, failed: nil, failedID: nil)
    }

    private func renderLosses(_ req: Request, failed: FormFailure?, failedID: UUID?) async throws -> Response {
        let principal = try req.principal()
        guard principal.can(.manageEquipment) || principal.can(.oversee) else { throw AppError.forbidden }
        let model = CustodyRecordsPages.Losses(
            reports: try await CustodyQueries.lossReports(in: principal.scope, openOnly: true, on: req.db),
            canManage: principal.can(.manageEquipment),
            today: VietnamTime.day(of: req.application.clock.now()),
            failed: failed,
            failedID: failedID
        )
        return req.page(
            req.pageLanguage("Biên bản mất phương tiện", "Loss reports"),
            status: failed == nil ? .ok : .unprocessableEntity
        ) { CustodyRecordsPages.losses(model, $0) }
    }

    @Sendable func headTold(req: Request) async throws -> Response {
        try await duty(req, .head)
    }

    @Sendable func policeReported(req: Request) async throws -> Response {
        try await duty(req, .police)
    }

    private func duty(_ req: Request, _ duty: LossReports.Duty) async throws -> Response {
        let principal = try req.principal()
        let id = try req.idParameter()
        let values = req.formValues
        do {
            _ = try await LossReports.markDone(
                id,
                duty: duty,
                number: values["number"],
                date: values["date"],
                by: principal,
                on: req.application
            )
        } catch AppError.invalidFields(let errors) {
            let failed = FormFailure(form: "police-\(id.uuidString.lowercased())", errors: errors, values: values)
            return try await renderLosses(req, failed: failed, failedID: id)
        }
        let flash = Flash(kind: .success, message: req.pageLanguage("Đã ghi.", "Recorded."))
        return req.redirect(to: .custody(.lossReports), flash: flash)
    }

    /// The sổ theo dõi công cụ hỗ trợ of a period, to print.
    @Sendable func book(req: Request) async throws -> Response {
        let principal = try req.principal(allowedTo: .manageEquipment)
        guard let unitID = GateController.ownUnit(principal) else {
            throw AppError.badRequest(
                vi: "Sổ theo dõi công cụ hỗ trợ là sổ của một đơn vị: hãy mở từ tài khoản của đơn vị.",
                en: "The custody book is a unit's: open it from an account of the unit."
            )
        }
        let period = BookPeriod(req)
        var rows: [EquipmentCustody] = []
        if period.isValid {
            let from = VietnamTime.instant(period.from, minutes: 0)
            let to = VietnamTime.instant(period.to, minutes: 24 * 60)
            rows = try await CustodyQueries.book(of: unitID, from: from, to: to, on: req.db)
        }
        let (name, place) = try await GateController.heading(principal, req)
        let model = ToolBookPrint.Model(
            unitName: name,
            place: place,
            period: period,
            custodies: rows,
            items: try await CustodyQueries.items(rows.map(\.itemID), on: req.db)
        )
        let response = GateController.html(ToolBookPrint.render(model, lang: req.pageLanguage))
        if !period.isValid { response.status = .unprocessableEntity }
        return response
    }
}
