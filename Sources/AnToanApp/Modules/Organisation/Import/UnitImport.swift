import AnToanCore
import Fluent
import Foundation

/// Units and departments from a spreadsheet, with the rules of `UnitRegistry.create`. A department names its
/// unit in "Mã đơn vị cấp trên", which may be a unit of the same file.
enum UnitImport {
    struct Plan: ImportPlan {
        var rowCount: Int
        var problems: [ImportProblem]
        /// Top-level units before departments; empty when there are problems.
        var units: [OrgUnit]

        func write(on db: any Database, actor: AuditActor, now: Date, progress: ImportProgress) async throws -> Int {
            try await ImportWriter.insertAudited(
                units,
                entity: "unit",
                snapshot: \.auditSnapshot,
                on: db,
                actor: actor,
                now: now,
                progress: progress
            )
            let periods = try units.map {
                UnitAreaPeriod(unitID: try $0.requireID(), areaID: $0.$area.id, validFrom: nil)
            }
            try await ImportWriter.insert(periods, on: db)
            try await NameKeys.write(units, on: db)
            return units.count
        }
    }

    static func plan(
        _ sheet: ImportSheet,
        by principal: Principal,
        on db: any Database,
        progress: ImportProgress
    ) async throws -> Plan {
        var unitCodes = Set<String>()
        var areaCodes = Set<String>()
        for record in sheet.records {
            for key in ["code", "parent_code"] { if let code = sheet.value(key, in: record) { unitCodes.insert(code) } }
            if let code = sheet.value("area_code", in: record) { areaCodes.insert(code) }
        }
        let existing = try await ImportLookups.units(codes: unitCodes, on: db)
        let areas = try await ImportLookups.currentAreas(codes: areaCodes, on: db)
        var units: [OrgUnit] = []
        var rows: [ImportRow] = []
        var parentCodes: [String?] = []
        var resolvedAreas: [Area?] = []
        var firstRow: [String: Int] = [:]
        for (index, record) in sheet.records.enumerated() {
            var row = ImportRow(sheet, record)
            let unit = OrgUnit()
            unit.id = UUID()
            unit.code = row.code("code")
            unit.name = row.name("name", max: 200)
            unit.nameFolded = Folding.fold(unit.name)
            unit.kind = row.choice("kind", UnitKind.self)?.rawValue ?? ""
            unit.enterpriseSize = row.choice("enterprise_size", EnterpriseSize.self, optional: true)?.rawValue
            unit.schoolLevel = row.choice("school_level", SchoolLevel.self, optional: true)?.rawValue
            unit.address = row.text("address", max: 300)
            unit.phone = row.phone("phone")
            unit.email = row.email("email")
            unit.headName = row.optionalText("head_name", max: 120)
            unit.flags = OrgUnit.flagsText(row.choices("flags", KeyTargetFlag.self))
            if !unit.code.isEmpty {
                if let first = firstRow[unit.code] {
                    row.add("code", ImportReason.repeats(first))
                } else {
                    firstRow[unit.code] = record.number
                    if existing[unit.code] != nil { row.add("code", ImportReason.exists) }
                }
            }
            let area = row["parent_code"] == nil ? area(of: &row, areas: areas, scope: principal.scope) : nil
            if let area { place(unit, in: area, parent: nil) }
            units.append(unit)
            resolvedAreas.append(area)
            rows.append(row)
            parentCodes.append(row["parent_code"])
            if (index + 1) % ImportProgress.interval == 0 {
                await progress.report(.checking, index + 1, sheet.records.count)
            }
        }
        // Departments second: their parent may be any unit of the file, above or below them.
        let inFile = Dictionary(units.enumerated().map { ($1.code, $0) }, uniquingKeysWith: { first, _ in first })
        for index in units.indices {
            guard let parentCode = parentCodes[index] else { continue }
            let unit = units[index]
            if parentCode == unit.code
                || inFile[parentCode].map({ parentCodes[$0] == unit.code }) == true
            {
                rows[index].add("parent_code", ImportReason.ownAncestor)
            } else if let parentIndex = inFile[parentCode] {
                if parentCodes[parentIndex] != nil {
                    rows[index].add("parent_code", notTopLevel)
                } else if let area = resolvedAreas[parentIndex] {
                    place(unit, in: area, parent: units[parentIndex].id)
                }
            } else if let parent = existing[parentCode] {
                if parent.$parent.id != nil {
                    rows[index].add("parent_code", notTopLevel)
                } else if !principal.scope.covers(parent) {
                    rows[index].add("parent_code", ImportReason.outsideScope)
                } else {
                    unit.$parent.id = parent.id
                    unit.$area.id = parent.$area.id
                    unit.areaPath = parent.areaPath
                }
            } else {
                rows[index].add("parent_code", ImportReason.unknownCode(parentCode))
            }
        }
        let problems = sheet.problems + rows.flatMap(\.problems)
        await progress.report(.checking, sheet.records.count, sheet.records.count)
        guard problems.isEmpty else { return Plan(rowCount: units.count, problems: problems, units: []) }
        // Parents first, so that each department's parent row exists when it is inserted.
        let ordered = units.filter { $0.$parent.id == nil } + units.filter { $0.$parent.id != nil }
        return Plan(rowCount: units.count, problems: [], units: ordered)
    }

    /// A top-level unit needs a current area inside the importer's scope.
    private static func area(of row: inout ImportRow, areas: [String: Area], scope: Scope) -> Area? {
        guard let code = row["area_code"] else {
            row.add(
                "area_code",
                .invalid(
                    vi: "bắt buộc với đơn vị (phòng ban thì ghi Mã đơn vị cấp trên)",
                    en: "is required for a unit (a department names its unit in parent_code)"
                )
            )
            return nil
        }
        guard let area = areas[code] else {
            row.add("area_code", ImportReason.unknownCode(code))
            return nil
        }
        guard scope.covers(.area(area.areaPath)) else {
            row.add("area_code", ImportReason.outsideScope)
            return nil
        }
        return area
    }

    /// A department takes its unit's area, as in the API.
    private static func place(_ unit: OrgUnit, in area: Area, parent: UUID?) {
        // Areas read from the database always carry their id.
        guard let areaID = area.id else { return }
        unit.$parent.id = parent
        unit.$area.id = areaID
        unit.areaPath = area.path
    }

    private static let notTopLevel = FieldError.Reason.invalid(
        vi: "phải là đơn vị cấp trên, không phải phòng ban",
        en: "must be a top-level unit, not a department"
    )
}
