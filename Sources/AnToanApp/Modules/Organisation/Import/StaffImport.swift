import AnToanCore
import Fluent
import Foundation

/// Staff from a spreadsheet, with the rules of `StaffRegistry.create`. Staff codes are unique within a unit;
/// identity numbers are unique across the registry.
enum StaffImport {
    struct Plan: ImportPlan {
        var rowCount: Int
        var problems: [ImportProblem]
        var staff: [StaffMember]

        /// On PostgreSQL another writer may insert the same identity number at the same moment, which the index
        /// refuses: that is the same 422 as a number found taken.
        func write(on db: any Database, actor: AuditActor, now: Date, progress: ImportProgress) async throws -> Int {
            try await StaffUniqueness.mapViolation {
                try await ImportWriter.insertAudited(
                    staff,
                    entity: "staff",
                    snapshot: \.auditSnapshot,
                    personalFields: StaffMember.personalFields,
                    on: db,
                    actor: actor,
                    now: now,
                    progress: progress
                )
                try await NameKeys.write(staff, on: db)
                return staff.count
            }
        }
    }

    static func plan(
        _ sheet: ImportSheet,
        by principal: Principal,
        on db: any Database,
        progress: ImportProgress
    ) async throws -> Plan {
        var unitCodes = Set<String>()
        var identities = Set<String>()
        var staffCodes = Set<String>()
        for record in sheet.records {
            for key in ["unit_code", "department_code"] {
                if let code = sheet.value(key, in: record) { unitCodes.insert(code) }
            }
            if let number = sheet.value("identity_number", in: record) { identities.insert(number) }
            if let code = sheet.value("code", in: record) { staffCodes.insert(code) }
        }
        let units = try await ImportLookups.units(codes: unitCodes, on: db)
        let taken = try await takenKeys(identities: identities, codes: staffCodes, on: db)
        var staff: [StaffMember] = []
        var problems = sheet.problems
        var firstRow: [String: Int] = [:]
        for (index, record) in sheet.records.enumerated() {
            var row = ImportRow(sheet, record)
            let member = StaffMember()
            member.id = UUID()
            let unit = self.unit(row: &row, units: units, scope: principal.scope)
            if let unit, let id = unit.id {
                member.$unit.id = id
                member.areaPath = unit.areaPath
                member.$department.id = department(row: &row, of: id, units: units)
            }
            member.fullName = row.name("full_name", max: 120)
            member.nameFolded = Folding.fold(member.fullName)
            member.position = row.text("position", max: 120)
            member.code = row.optionalText("code", max: 32)
            member.phone = row.phone("phone")
            member.email = row.email("email")
            member.isLeader = row.yesNo("is_leader")
            member.status = row.choice("status", StaffStatus.self, optional: true)?.rawValue ?? "active"
            member.identityNumber = row.identityNumber("identity_number")
            member.userID = nil
            if let number = member.identityNumber {
                unique("identity_number", key: "id|" + number, row: &row, firstRow: &firstRow, taken: taken)
            }
            if let code = member.code, let unit = unit?.id {
                unique("code", key: "code|\(unit)|\(code)", row: &row, firstRow: &firstRow, taken: taken)
            }
            problems += row.problems
            staff.append(member)
            if (index + 1) % ImportProgress.interval == 0 {
                await progress.report(.checking, index + 1, sheet.records.count)
            }
        }
        await progress.report(.checking, sheet.records.count, sheet.records.count)
        return Plan(rowCount: staff.count, problems: problems, staff: problems.isEmpty ? staff : [])
    }

    /// The top-level unit the row names, if it exists and the importer may add staff to it.
    private static func unit(row: inout ImportRow, units: [String: OrgUnit], scope: Scope) -> OrgUnit? {
        guard let code = row["unit_code"] else {
            row.add("unit_code", .required)
            return nil
        }
        guard let unit = units[code] else {
            row.add("unit_code", ImportReason.unknownCode(code))
            return nil
        }
        if unit.$parent.id != nil {
            row.add(
                "unit_code",
                .invalid(
                    vi: "phải là mã đơn vị; mã phòng ban ghi ở cột Mã phòng ban",
                    en: "must be a unit's code; put the department's code in department_code"
                )
            )
            return nil
        }
        guard scope.covers(unit) else {
            row.add("unit_code", ImportReason.outsideScope)
            return nil
        }
        return unit
    }

    private static func department(row: inout ImportRow, of unitID: UUID, units: [String: OrgUnit]) -> UUID? {
        guard let code = row["department_code"] else { return nil }
        guard let department = units[code], department.$parent.id == unitID else {
            row.add(
                "department_code",
                .invalid(
                    vi: "không có phòng ban mã \"\(code)\" trong đơn vị này",
                    en: "the unit has no department \"\(code)\""
                )
            )
            return nil
        }
        return department.id
    }

    private static func unique(
        _ column: String,
        key: String,
        row: inout ImportRow,
        firstRow: inout [String: Int],
        taken: Set<String>
    ) {
        if let first = firstRow[key] {
            row.add(column, ImportReason.repeats(first))
        } else {
            firstRow[key] = row.number
            if taken.contains(key) { row.add(column, ImportReason.exists) }
        }
    }

    /// Identity numbers and (unit, staff code) pairs already in the registry, as `id|…` and `code|unit|…` keys.
    private static func takenKeys(
        identities: Set<String>,
        codes: Set<String>,
        on db: any Database
    ) async throws
        -> Set<String>
    {
        var taken = Set<String>()
        for chunk in SQLBatch.chunks(identities) {
            for member in try await StaffMember.query(on: db).filter(\.$identityNumber ~~ chunk).all() {
                if let number = member.identityNumber { taken.insert("id|" + number) }
            }
        }
        for chunk in SQLBatch.chunks(codes) {
            for member in try await StaffMember.query(on: db).filter(\.$code ~~ chunk).all() {
                if let code = member.code { taken.insert("code|\(member.$unit.id)|\(code)") }
            }
        }
        return taken
    }
}
