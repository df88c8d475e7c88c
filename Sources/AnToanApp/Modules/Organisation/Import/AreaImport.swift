import AnToanCore
import Fluent
import Foundation

/// Areas from a spreadsheet, with the rules of `AreaRegistry.create`; a parent may be defined in the same file.
enum AreaImport {
    struct Plan: ImportPlan {
        var rowCount: Int
        var problems: [ImportProblem]
        /// Parents before children, ready to insert; empty when there are problems.
        var areas: [Area]

        func write(on db: any Database, actor: AuditActor, now: Date, progress: ImportProgress) async throws -> Int {
            try await ImportWriter.insertAudited(
                areas,
                entity: "area",
                snapshot: \.auditSnapshot,
                on: db,
                actor: actor,
                now: now,
                progress: progress
            )
            return areas.count
        }
    }

    private struct Draft {
        var number: Int
        var code: String
        var name: String
        var kind: AreaKind?
        var parentCode: String?
        var validFrom: String?
    }

    static func plan(
        _ sheet: ImportSheet,
        by principal: Principal,
        on db: any Database,
        progress: ImportProgress
    ) async throws -> Plan {
        // Only an administrator of the whole registry may add areas, as in the API.
        guard case .everything = principal.scope else { throw AppError.forbidden }
        var codes = Set<String>()
        for record in sheet.records {
            for key in ["code", "parent_code"] { if let code = sheet.value(key, in: record) { codes.insert(code) } }
        }
        let existing = try await ImportLookups.currentAreas(codes: codes, on: db)
        var problems = sheet.problems
        var drafts: [Draft] = []
        var rows: [ImportRow] = []
        var firstRow: [String: Int] = [:]
        for (index, record) in sheet.records.enumerated() {
            var row = ImportRow(sheet, record)
            let draft = Draft(
                number: record.number,
                code: row.code("code"),
                name: row.name("name", max: 200),
                kind: row.choice("kind", AreaKind.self),
                parentCode: row["parent_code"],
                validFrom: row.date("valid_from")
            )
            if !draft.code.isEmpty {
                if let first = firstRow[draft.code] {
                    row.add("code", ImportReason.repeats(first))
                } else {
                    firstRow[draft.code] = record.number
                    if existing[draft.code] != nil { row.add("code", ImportReason.exists) }
                }
            }
            drafts.append(draft)
            rows.append(row)
            if (index + 1) % ImportProgress.interval == 0 {
                await progress.report(.checking, index + 1, sheet.records.count)
            }
        }
        let inFile = Dictionary(drafts.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
        for (index, draft) in drafts.enumerated() {
            guard let parentCode = draft.parentCode else { continue }
            if isOwnAncestor(draft.code, parentCode: parentCode, in: inFile) {
                rows[index].add("parent_code", ImportReason.ownAncestor)
            } else if inFile[parentCode] == nil, existing[parentCode] == nil {
                rows[index].add("parent_code", ImportReason.unknownCode(parentCode))
            }
        }
        problems += rows.flatMap(\.problems)
        await progress.report(.checking, sheet.records.count, sheet.records.count)
        guard problems.isEmpty else { return Plan(rowCount: drafts.count, problems: problems, areas: []) }
        return Plan(rowCount: drafts.count, problems: [], areas: build(drafts, inFile: inFile, existing: existing))
    }

    /// True when following parents through the file comes back to `code`.
    private static func isOwnAncestor(_ code: String, parentCode: String, in file: [String: Draft]) -> Bool {
        var seen: Set<String> = []
        var next: String? = parentCode
        while let current = next, !seen.contains(current) {
            if current == code { return true }
            seen.insert(current)
            next = file[current]?.parentCode
        }
        return false
    }

    /// Areas in an order where each parent comes before its children, each with its path.
    private static func build(_ drafts: [Draft], inFile: [String: Draft], existing: [String: Area]) -> [Area] {
        var depth: [String: Int] = [:]
        func depthOf(_ code: String) -> Int {
            if let known = depth[code] { return known }
            let parent = inFile[code]?.parentCode
            let value = parent.map { inFile[$0] == nil ? 0 : depthOf($0) + 1 } ?? 0
            depth[code] = value
            return value
        }
        var made: [String: Area] = [:]
        var areas: [Area] = []
        for draft in drafts.sorted(by: { depthOf($0.code) < depthOf($1.code) }) {
            let parent = draft.parentCode.flatMap { made[$0] ?? existing[$0] }
            let area = Area(
                code: draft.code,
                name: draft.name,
                kind: draft.kind ?? .commune,
                parent: parent,
                validFrom: draft.validFrom
            )
            area.id = UUID()
            made[draft.code] = area
            areas.append(area)
        }
        return areas
    }
}
