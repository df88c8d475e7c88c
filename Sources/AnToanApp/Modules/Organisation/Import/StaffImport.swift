import AnToanCore
import Fluent
import Foundation
import SQLKit

/// Staff from a spreadsheet, with the rules of `StaffRegistry.create`. Staff codes are unique within a unit;
/// identity numbers are unique across the registry. A row whose staff code is already in its unit updates that
/// person (an edited export imported again); rows without a code or with a new one are created.
enum StaffImport {
    /// A person already in the registry, as the file leaves them.
    struct Update {
        var member: StaffMember
        var before: [String: String]
    }

    struct Plan: ImportPlan {
        var rowCount: Int
        var problems: [ImportProblem]
        var staff: [StaffMember]
        var updates: [Update]

        var updateCount: Int { updates.count }

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
                var changes: [AuditChange] = []
                for update in updates {
                    try await update.member.persist(on: db)
                    changes.append(
                        AuditChange(
                            action: .update,
                            entity: "staff",
                            entityID: try update.member.requireID().uuidString,
                            before: update.before,
                            after: update.member.auditSnapshot,
                            personalFields: StaffMember.personalFields
                        )
                    )
                }
                try await AuditTrail.recordAll(on: db, actor: actor, entries: changes, now: now)
                try await NameKeys.write(staff + updates.map(\.member), on: db)
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
        let known = try await existing(identities: identities, codes: staffCodes, on: db)
        var staff: [StaffMember] = []
        var updates: [Update] = []
        var problems = sheet.problems
        var firstRow: [String: Int] = [:]
        for (index, record) in sheet.records.enumerated() {
            var row = ImportRow(sheet, record)
            let unit = self.unit(row: &row, units: units, scope: principal.scope)
            let code = row.optionalText("code", max: 32)
            let match = unit?.id.flatMap { unitID in code.flatMap { known.byCode["\(unitID)|\($0)"] } }
            let member = match ?? StaffMember()
            let before = match?.auditSnapshot
            if match == nil {
                member.id = UUID()
                member.userID = nil
                member.code = code
                if let unit, let id = unit.id {
                    member.$unit.id = id
                    member.areaPath = unit.areaPath
                }
            }
            fill(member, from: &row, unit: match?.$unit.id ?? unit?.id, updating: match != nil, units: units)
            if let number = member.identityNumber, number != before?["identity_number"] {
                let key = "id|" + number
                unique("identity_number", key: key, row: &row, firstRow: &firstRow, taken: known.holders[number] != nil)
            }
            if let code, let unit = unit?.id {
                unique("code", key: "code|\(unit)|\(code)", row: &row, firstRow: &firstRow, taken: false)
            }
            problems += row.problems
            if let before {
                if member.auditSnapshot != before { updates.append(Update(member: member, before: before)) }
            } else {
                staff.append(member)
            }
            if (index + 1) % ImportProgress.interval == 0 {
                await progress.report(.checking, index + 1, sheet.records.count)
            }
        }
        await progress.report(.checking, sheet.records.count, sheet.records.count)
        let clean = problems.isEmpty
        return Plan(
            rowCount: sheet.records.count,
            problems: problems,
            staff: clean ? staff : [],
            updates: clean ? updates : []
        )
    }

    /// The row's values into `member`. A person already there keeps what a column absent from the file would
    /// say, and the identity number an export masked ("00********34").
    private static func fill(
        _ member: StaffMember,
        from row: inout ImportRow,
        unit: UUID?,
        updating: Bool,
        units: [String: OrgUnit]
    ) {
        let sheet = row.sheet
        let present = { (key: String) in !updating || sheet.has(key) }
        if present("department_code"), let unit {
            member.$department.id = department(row: &row, of: unit, units: units)
        }
        member.fullName = row.name("full_name", max: 120)
        member.nameFolded = Folding.fold(member.fullName)
        member.position = row.text("position", max: 120)
        if present("phone") { member.phone = row.phone("phone") }
        if present("email") { member.email = row.email("email") }
        if present("is_leader") { member.isLeader = row.yesNo("is_leader") }
        if present("status") {
            member.status = row.choice("status", StaffStatus.self, optional: true)?.rawValue ?? "active"
        }
        guard present("identity_number") else { return }
        if let text = row["identity_number"], text.contains("*") {
            // A masked number says nothing new: the person keeps theirs; a new person needs the number in full.
            guard updating, let stored = member.identityNumber, Masking.mask(stored) == text else {
                row.add(
                    "identity_number",
                    .invalid(
                        vi: "số đã bị che (có dấu *): hãy nhập đủ số hoặc để trống",
                        en: "is masked (has *): type the full number or leave it empty"
                    )
                )
                return
            }
            return
        }
        member.identityNumber = row.identityNumber("identity_number")
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
        taken: Bool
    ) {
        if let first = firstRow[key] {
            row.add(column, ImportReason.repeats(first))
        } else {
            firstRow[key] = row.number
            if taken { row.add(column, ImportReason.exists) }
        }
    }

    /// Staff already in the registry: by `unit|code` for the codes in the file, and who holds each identity number.
    /// Inside an import's transaction the people the file names are locked first (`FOR UPDATE` on PostgreSQL), so
    /// that what is checked is what gets updated.
    private static func existing(
        identities: Set<String>,
        codes: Set<String>,
        on db: any Database
    ) async throws -> (byCode: [String: StaffMember], holders: [String: UUID]) {
        var holders: [String: UUID] = [:]
        for chunk in SQLBatch.chunks(identities) {
            for member in try await StaffMember.query(on: db).filter(\.$identityNumber ~~ chunk).all() {
                if let number = member.identityNumber { holders[number] = member.id }
            }
        }
        var byCode: [String: StaffMember] = [:]
        let locks = db.inTransaction && db.sql.dialect.exclusiveSelectLockExpression != nil
        for chunk in SQLBatch.chunks(codes) {
            if locks {
                let _: [any SQLRow] = try await db.sql.select().column("id").from(StaffMember.schema)
                    .where("code", .in, chunk).for(.update).all()
            }
            for member in try await StaffMember.query(on: db).filter(\.$code ~~ chunk).all() {
                if let code = member.code { byCode["\(member.$unit.id)|\(code)"] = member }
            }
        }
        return (byCode, holders)
    }
}
