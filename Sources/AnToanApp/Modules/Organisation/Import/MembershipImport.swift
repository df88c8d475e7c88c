import AnToanCore
import Fluent
import Foundation

/// Force memberships from a spreadsheet, with the rules of `StaffRegistry.addMembership`. A row names the
/// person by identity number or staff code; the same person, force and start date twice is a duplicate.
enum MembershipImport {
    struct Plan: ImportPlan {
        var rowCount: Int
        var problems: [ImportProblem]
        var memberships: [ForceMembership]

        func write(on db: any Database, actor: AuditActor, now: Date, progress: ImportProgress) async throws -> Int {
            try await ImportWriter.insertAudited(
                memberships,
                entity: "force_membership",
                snapshot: \.auditSnapshot,
                personalFields: StaffMember.personalFields,
                on: db,
                actor: actor,
                now: now,
                progress: progress
            )
            return memberships.count
        }
    }

    static func plan(
        _ sheet: ImportSheet,
        by principal: Principal,
        on db: any Database,
        progress: ImportProgress
    ) async throws -> Plan {
        let names = Set(sheet.records.compactMap { sheet.value("staff", in: $0) })
        let people = try await ImportLookups.staff(matching: names, on: db)
        let byIdentity = Dictionary(
            people.compactMap { member in member.identityNumber.map { ($0, member) } },
            uniquingKeysWith: { first, _ in first }
        )
        let byCode = Dictionary(grouping: people.filter { $0.code != nil }, by: { $0.code ?? "" })
        let taken = try await existing(staffIDs: people.compactMap(\.id), on: db)
        var memberships: [ForceMembership] = []
        var problems = sheet.problems
        var firstRow: [String: Int] = [:]
        for (index, record) in sheet.records.enumerated() {
            var row = ImportRow(sheet, record)
            let membership = ForceMembership()
            membership.id = UUID()
            let member = person(row: &row, byIdentity: byIdentity, byCode: byCode, scope: principal.scope)
            let force = row.choice("force", ForceKind.self)
            membership.force = force?.rawValue ?? ""
            membership.role = row.choice("role", ForceRole.self, optional: true)?.rawValue ?? ForceRole.member.rawValue
            membership.startDate = row.date("start_date", optional: false) ?? ""
            membership.endDate = row.date("end_date")
            if let end = membership.endDate, !membership.startDate.isEmpty, end < membership.startDate {
                row.add(
                    "end_date",
                    .invalid(vi: "không được trước ngày bắt đầu", en: "cannot be before the start date")
                )
            }
            membership.certificateNumber = row.optionalText("certificate_number", max: 64)
            let issued = row.date("certificate_issued")
            switch force {
            case .protection: membership.dueDate = StaffRegistry.yearsLater(issued, 5)
            case .selfDefence:
                membership.dueDate = membership.endDate ?? StaffRegistry.yearsLater(membership.startDate, 4)
            default: membership.dueDate = nil
            }
            if let member, let staffID = member.id, let force, !membership.startDate.isEmpty {
                membership.$staff.id = staffID
                membership.unitID = member.$unit.id
                let key = "\(staffID)|\(force.rawValue)|\(membership.startDate)"
                if let first = firstRow[key] {
                    row.add("start_date", ImportReason.repeats(first))
                } else {
                    firstRow[key] = record.number
                    if taken.contains(key) { row.add("start_date", duplicate) }
                }
            }
            problems += row.problems
            memberships.append(membership)
            if (index + 1) % ImportProgress.interval == 0 {
                await progress.report(.checking, index + 1, sheet.records.count)
            }
        }
        await progress.report(.checking, sheet.records.count, sheet.records.count)
        return Plan(rowCount: memberships.count, problems: problems, memberships: problems.isEmpty ? memberships : [])
    }

    private static let duplicate = FieldError.Reason.invalid(
        vi: "đã có trong hệ thống (cùng người, lực lượng và ngày bắt đầu)",
        en: "already exists (same person, force and start date)"
    )

    /// The staff member a row names: by identity number first, then by staff code, within the importer's scope.
    private static func person(
        row: inout ImportRow,
        byIdentity: [String: StaffMember],
        byCode: [String: [StaffMember]],
        scope: Scope
    ) -> StaffMember? {
        guard let name = row["staff"] else {
            row.add("staff", .required)
            return nil
        }
        let candidates = byIdentity[name].map { [$0] } ?? byCode[name] ?? []
        let visible = candidates.filter { scope.covers($0) }
        switch visible.count {
        case 1:
            return visible[0]
        case 0:
            row.add("staff", candidates.isEmpty ? ImportReason.unknownCode(name) : ImportReason.outsideScope)
        default:
            row.add(
                "staff",
                .invalid(
                    vi: "có \(visible.count) người cùng mã nhân viên này: hãy ghi số CCCD",
                    en: "\(visible.count) people share this staff code: use the identity number"
                )
            )
        }
        return nil
    }

    /// `staff|force|start` keys of the memberships the registry already holds for these people.
    private static func existing(staffIDs: [UUID], on db: any Database) async throws -> Set<String> {
        var keys = Set<String>()
        for chunk in SQLBatch.chunks(staffIDs) {
            for membership in try await ForceMembership.query(on: db).filter(\.$staff.$id ~~ chunk).all() {
                keys.insert("\(membership.$staff.id)|\(membership.force)|\(membership.startDate)")
            }
        }
        return keys
    }
}
