import AnToanCore
import Fluent
import Foundation
import Vapor

/// The registry's lists within the reader's scope, in its import kinds' columns, so that an export imports again.
/// Identity numbers are masked unless `revealIdentity` asks for them in full (the caller checks the right to).
enum RegistryExport {
    static func areas(_ principal: Principal, _ reveal: Bool, _ app: Application) async throws -> [[String]] {
        try await areas(in: principal.scope, on: app.db)
    }

    static func units(_ principal: Principal, _ reveal: Bool, _ app: Application) async throws -> [[String]] {
        try await units(in: principal.scope, on: app.db)
    }

    static func staff(_ principal: Principal, _ reveal: Bool, _ app: Application) async throws -> [[String]] {
        let db = app.db
        let people = try await OrganisationQueries.staff(in: principal.scope, on: db).sort(\.$nameFolded).all()
        let codes = try await unitCodes(
            Set(people.flatMap { [$0.$unit.id, $0.$department.id].compactMap(\.self) }),
            db
        )
        let rows = people.sorted {
            (codes[$0.$unit.id] ?? "", $0.nameFolded) < (codes[$1.$unit.id] ?? "", $1.nameFolded)
        }
        .map { member in
            [
                codes[member.$unit.id] ?? "", member.$department.id.flatMap { codes[$0] } ?? "",
                member.fullName, member.position, member.phone ?? "", member.email ?? "",
                member.isLeader ? "Có" : "Không", ImportVocabulary.label(member.status, in: "StaffStatus"),
                member.identityNumber.map { reveal ? $0 : Masking.mask($0) } ?? "", member.code ?? "",
            ]
        }
        try await recordReveal(reveal ? people.filter { $0.identityNumber != nil }.count : 0, "staff", principal, app)
        return rows
    }

    /// How many staff in the reader's scope hold an identity number: what a staff export shows in full when asked.
    static func identityCount(_ principal: Principal, _ app: Application) async throws -> Int {
        try await OrganisationQueries.staff(in: principal.scope, on: app.db).filter(\.$identityNumber != nil).count()
    }

    static func memberships(_ principal: Principal, _ reveal: Bool, _ app: Application) async throws -> [[String]] {
        let result = try await memberships(in: principal.scope, reveal: reveal, on: app.db)
        try await recordReveal(result.revealed, "memberships", principal, app)
        return result.rows
    }

    /// Identity numbers shown in full are traceable, as when one is revealed through the API: how many.
    private static func recordReveal(
        _ revealed: Int,
        _ kind: String,
        _ principal: Principal,
        _ app: Application
    )
        async throws
    {
        guard revealed > 0 else { return }
        let count = String(revealed)
        try await app.write { db in
            try await AuditTrail.record(
                on: db,
                actor: principal.auditActor,
                action: .reveal,
                entity: "staff",
                entityID: "export:\(kind)",
                before: nil,
                after: ["identity_number": "revealed", "rows": count],
                now: app.clock.now()
            )
        }
    }

    private static func areas(in scope: Scope, on db: any Database) async throws -> [[String]] {
        // A rename opens a new version, so a parent id may point at an older version with the same code.
        let codes = Dictionary(
            try await Area.query(on: db).all().compactMap { area in area.id.map { ($0, area.code) } },
            uniquingKeysWith: { first, _ in first }
        )
        return try await OrganisationQueries.areas(asOf: nil, on: db)
            .filter { area in
                switch scope {
                case .everything: true
                case .area(let path): area.path.hasPrefix(path.value)
                case .unit(_, let path): area.path == path.value
                }
            }
            .map { area in
                [
                    area.code, area.name, ImportVocabulary.label(area.kind, in: "AreaKind"),
                    area.$parent.id.flatMap { codes[$0] } ?? "", dmy(area.validFrom),
                ]
            }
    }

    private static func units(in scope: Scope, on db: any Database) async throws -> [[String]] {
        let units = try await OrganisationQueries.units(in: scope, on: db).sort(\.$code).all()
        let areaCodes = Dictionary(
            try await Area.query(on: db).all().compactMap { area in area.id.map { ($0, area.code) } },
            uniquingKeysWith: { first, _ in first }
        )
        let codes = Dictionary(
            units.compactMap { unit in unit.id.map { ($0, unit.code) } },
            uniquingKeysWith: { a, _ in a }
        )
        // Units before departments, so that a department's parent is defined before it.
        let ordered = units.filter { $0.$parent.id == nil } + units.filter { $0.$parent.id != nil }
        return ordered.map { unit in
            [
                unit.code, unit.name, ImportVocabulary.label(unit.kind, in: "UnitKind"),
                unit.enterpriseSize.map { ImportVocabulary.label($0, in: "EnterpriseSize") } ?? "",
                unit.schoolLevel.map { ImportVocabulary.label($0, in: "SchoolLevel") } ?? "",
                areaCodes[unit.$area.id] ?? "", unit.$parent.id.flatMap { codes[$0] } ?? "", unit.address,
                unit.phone ?? "", unit.email ?? "", unit.headName ?? "",
                unit.keyTargetFlags.map { ImportVocabulary.label($0.rawValue, in: "KeyTargetFlag") }
                    .joined(separator: ", "),
            ]
        }
    }

    private static func memberships(
        in scope: Scope,
        reveal: Bool,
        on db: any Database
    ) async throws
        -> (rows: [[String]], revealed: Int)
    {
        let people = try await OrganisationQueries.staff(in: scope, on: db).all()
        let byID = Dictionary(
            people.compactMap { member in member.id.map { ($0, member) } },
            uniquingKeysWith: { a, _ in a }
        )
        var memberships: [ForceMembership] = []
        for chunk in SQLBatch.chunks(byID.keys) {
            memberships += try await ForceMembership.query(on: db).filter(\.$staff.$id ~~ chunk).all()
        }
        var revealed = 0
        let rows = memberships.sorted {
            ($0.$staff.id.uuidString, $0.startDate) < ($1.$staff.id.uuidString, $1.startDate)
        }
        .map { membership -> [String] in
            let member = byID[membership.$staff.id]
            // The identity number names the person best; without the right to see it, the staff code does.
            var name = member?.code ?? ""
            if let number = member?.identityNumber, reveal || name.isEmpty {
                name = reveal ? number : Masking.mask(number)
                if reveal { revealed += 1 }
            }
            let issued =
                membership.force == ForceKind.protection.rawValue
                ? StaffRegistry.yearsLater(membership.dueDate, -5) : nil
            return [
                name, ImportVocabulary.label(membership.force, in: "ForceKind"),
                ImportVocabulary.label(membership.role, in: "ForceRole"), dmy(membership.startDate),
                dmy(membership.endDate), membership.certificateNumber ?? "", dmy(issued),
            ]
        }
        return (rows, revealed)
    }

    private static func unitCodes(_ ids: Set<UUID>, _ db: any Database) async throws -> [UUID: String] {
        var codes: [UUID: String] = [:]
        for chunk in SQLBatch.chunks(ids) {
            for unit in try await OrgUnit.query(on: db).filter(\.$id ~~ chunk).all() {
                if let id = unit.id { codes[id] = unit.code }
            }
        }
        return codes
    }

    /// yyyy-MM-dd as dd/MM/yyyy, the way Vietnamese spreadsheets write dates.
    static func dmy(_ iso: String?) -> String {
        iso.flatMap { SolarDate(iso: $0)?.dmy } ?? ""
    }
}
