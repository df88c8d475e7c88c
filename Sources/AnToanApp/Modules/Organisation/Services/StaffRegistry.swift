import AnToanCore
import Fluent
import Foundation
import Vapor

/// Adding staff and their membership of the forces.
enum StaffRegistry {
    static func create(_ input: StaffInput, by actor: Principal, on req: Request) async throws -> StaffMember {
        var checker = FieldChecker()
        let member = StaffMember()
        var unit: OrgUnit?
        if let unitID = input.unitId {
            unit = try await OrganisationQueries.units(in: actor.scope, on: req.db).filter(\.$id == unitID).first()
            if unit == nil { checker.add("unit_id", .notFound) }
            if unit?.$parent.id != nil {
                checker.add(
                    "unit_id",
                    .invalid(
                        vi: "phải là đơn vị, phòng ban ghi ở department_id",
                        en: "must be the unit; put the department in department_id"
                    )
                )
            }
        } else {
            checker.add("unit_id", .required)
        }
        if let departmentID = input.departmentId {
            let department = try await OrgUnit.query(on: req.db).filter(\.$id == departmentID).first()
            if department == nil || department?.$parent.id != input.unitId { checker.add("department_id", .notFound) }
            member.$department.id = departmentID
        }
        member.fullName = checker.name("full_name", input.fullName, max: 120)
        member.nameFolded = Folding.fold(member.fullName)
        member.position = checker.text("position", input.position, max: 120)
        let code = checker.text("code", input.code, max: 32, optional: true)
        member.code = code.isEmpty ? nil : code
        member.phone = checker.phone("phone", input.phone)
        member.email = checker.email("email", input.email)
        member.isLeader = input.isLeader ?? false
        member.status = input.status ?? "active"
        if !StaffMember.statuses.contains(member.status) {
            checker.add(
                "status",
                .invalid(vi: "chỉ nhận: active, on_leave, left", en: "must be one of: active, on_leave, left")
            )
        }
        if let identity = input.identityNumber, !identity.isEmpty {
            if !(identity.count == 9 || identity.count == 12) || !identity.allSatisfy({ $0.isASCII && $0.isNumber }) {
                checker.add(
                    "identity_number",
                    .invalid(
                        vi: "cần 12 chữ số (CCCD) hoặc 9 chữ số (CMND)",
                        en: "needs 12 digits (citizen ID) or 9 (old ID card)"
                    )
                )
            }
            member.identityNumber = identity
        }
        if let account = input.account, !account.isEmpty, let unitID = input.unitId {
            member.userID = try await linkableAccount(account, unit: unitID, checker: &checker, on: req.db)
        }
        let taken = try await StaffUniqueness.problems(
            identityNumber: member.identityNumber,
            code: member.code,
            unit: input.unitId,
            on: req.db
        )
        for problem in taken { checker.add(problem.field, problem.reason) }
        try checker.check()
        guard let unit else { throw AppError.notFound }
        member.$unit.id = try unit.requireID()
        member.areaPath = unit.areaPath
        try await StaffUniqueness.mapViolation {
            try await insertAudited(member, actor: actor, on: req)
        }
        return member
    }

    private static func insertAudited(_ member: StaffMember, actor: Principal, on req: Request) async throws {
        try await UnitRegistry.insertAudited(
            member,
            entity: "staff",
            snapshot: member.auditSnapshot,
            actor: actor,
            on: req
        ) { db in
            try await NameKeys.write([member], on: db)
            // An account belongs to one staff record: checked again under the account's lock.
            if let userID = member.userID {
                _ = try await db.lockedRow(User.self, userID)
                if try await StaffMember.query(on: db).filter(\.$userID == userID).count() > 1 {
                    throw AppError.invalidFields([FieldError(field: "account", reason: .taken)])
                }
            }
        }
    }

    /// The account named `username` if it may sign in as a person of `unit`: one of the unit's own accounts,
    /// not yet linked to anyone else.
    private static func linkableAccount(
        _ username: String,
        unit: UUID,
        checker: inout FieldChecker,
        on db: any Database
    ) async throws -> UUID? {
        guard let user = try await User.query(on: db).filter(\.$username == username).first(), let id = user.id
        else {
            checker.add("account", .notFound)
            return nil
        }
        guard user.unitID == unit else {
            checker.add(
                "account",
                .invalid(vi: "phải là tài khoản của chính đơn vị này", en: "must be an account of this unit")
            )
            return nil
        }
        if try await StaffMember.query(on: db).filter(\.$userID == id).first() != nil {
            checker.add("account", .taken)
        }
        return id
    }

    /// A membership; the guard certificate is due 5 years after issue, a self-defence term ends after 4 years.
    static func addMembership(
        _ input: MembershipInput,
        to member: StaffMember,
        by actor: Principal,
        on req: Request
    )
        async throws -> ForceMembership
    {
        var checker = FieldChecker()
        let membership = ForceMembership()
        let force = checker.choice("force", input.force, ForceKind.self)
        membership.force = force?.rawValue ?? ""
        membership.role = checker.choice("role", input.role ?? "member", ForceRole.self)?.rawValue ?? ""
        membership.startDate = checker.date("start_date", input.startDate, optional: false) ?? ""
        membership.endDate = checker.date("end_date", input.endDate)
        if let end = membership.endDate, end < membership.startDate {
            checker.add(
                "end_date",
                .invalid(vi: "không được trước ngày bắt đầu", en: "cannot be before the start date")
            )
        }
        let number = checker.text("certificate_number", input.certificateNumber, max: 64, optional: true)
        membership.certificateNumber = number.isEmpty ? nil : number
        let issued = checker.date("certificate_issued", input.certificateIssued)
        try checker.check()
        switch force {
        case .protection:
            membership.dueDate = yearsLater(issued, 5)
        case .selfDefence:
            membership.dueDate = membership.endDate ?? yearsLater(membership.startDate, 4)
        default:
            membership.dueDate = nil
        }
        membership.$staff.id = try member.requireID()
        membership.unitID = member.$unit.id
        try await UnitRegistry.insertAudited(
            membership,
            entity: "force_membership",
            snapshot: membership.auditSnapshot,
            actor: actor,
            on: req
        )
        return membership
    }

    /// The same day `years` later; 29 February becomes 28 February in a common year.
    static func yearsLater(_ iso: String?, _ years: Int) -> String? {
        guard let iso, let date = SolarDate(iso: iso) else { return nil }
        return
            (SolarDate(year: date.year + years, month: date.month, day: date.day)
            ?? SolarDate(year: date.year + years, month: date.month, day: 28))?.iso
    }
}
