import AnToanCore
import Fluent
import Foundation
import Vapor

extension AreaRegistry {
    /// The most parts one split may make.
    static let maxSplitParts = 20

    /// Splits `area` on `effective_date` into two or more new areas under the same parent. Each part takes the
    /// units and bodies the caller names for it; units and bodies not named, and accounts whose scope was the
    /// area, go to the first part. Departments follow their unit. The old version closes on the date, so the
    /// tree as of an earlier day is the old one, and every unit's area period keeps its history.
    static func split(
        _ area: Area,
        _ input: SplitAreaInput,
        by actor: Principal,
        on req: Request
    ) async throws -> (area: Area, parts: [Area]) {
        guard case .everything = actor.scope else { throw AppError.forbidden }
        var checker = FieldChecker()
        let date = checker.date("effective_date", input.effectiveDate, optional: false)
        checkClosable(area, on: date, checker: &checker)
        if try await hasCurrentAreasBelow(area, on: req.db) {
            checker.add(
                "id",
                .invalid(
                    vi: "chỉ chia được địa bàn không còn địa bàn con đang hiệu lực",
                    en: "only an area with no current areas below it can be split"
                )
            )
        }
        let parts = input.parts?.map(\.value) ?? []
        if parts.count < 2 {
            checker.add("parts", .invalid(vi: "cần ít nhất hai phần", en: "needs at least two parts"))
        } else if parts.count > maxSplitParts {
            checker.add("parts", .invalid(vi: "tối đa \(maxSplitParts) phần", en: "\(maxSplitParts) parts at most"))
        }
        let newAreas = try await splitParts(parts, of: area, from: date, checker: &checker, on: req.db)
        let named = try await namedUnitsAndBodies(parts, in: area, checker: &checker, on: req.db)
        try checker.check()
        guard let date, newAreas.count == parts.count else { throw AppError.forbidden }
        let before = area.auditSnapshot
        let now = req.application.clock.now()
        try await req.application.write { db in
            try await lockCurrent([(area, "id")], on: db)
            area.validTo = date
            try await area.persist(on: db)
            try await audit(area, before: before, actor: actor, on: db, now: now)
            for part in newAreas {
                try await part.insert(on: db)
                try await audit(part, before: nil, actor: actor, on: db, now: now)
            }
            // Read again inside the transaction, so that a unit added meanwhile still leaves the closed area.
            let units = try await AreaMove.units(in: area, on: db)
            let bodies = try await AreaMove.bodies(in: area, on: db)
            let move = AreaMove(actor: actor, date: date, now: now, db: db)
            for (index, part) in newAreas.enumerated() {
                try await move.units(units.filter { named.part(of: $0) == index }, to: part)
                try await move.bodies(bodies.filter { named.part(of: $0) == index }, to: part)
            }
            try await move.areaAccounts(from: area.path, to: newAreas[0])
            let summary = "\(area.name) → " + newAreas.map(\.name).joined(separator: ", ")
            try await AreaEvent(kind: "split", effectiveDate: date, summary: summary).insert(on: db)
        }
        return (area, newAreas)
    }

    /// The new areas, not yet saved: codes unused by any area, old or current, and unique among the parts.
    private static func splitParts(
        _ parts: [SplitAreaInput.Part],
        of area: Area,
        from date: String?,
        checker: inout FieldChecker,
        on db: any Database
    ) async throws -> [Area] {
        let codes = Set(parts.compactMap { $0.code?.trimmingCharacters(in: .whitespaces) })
        var used = Set<String>()
        for chunk in SQLBatch.chunks(codes) {
            used.formUnion(try await Area.query(on: db).filter(\.$code ~~ chunk).all().map(\.code))
        }
        let parentPath = AreaPath(area.path)?.parent?.value ?? "/"
        var seen = Set<String>()
        var made: [Area] = []
        for (index, part) in parts.enumerated() {
            let field = "parts.\(index)"
            let code = areaCode("\(field).code", part.code, checker: &checker)
            let name = checker.name("\(field).name", part.name, max: 200)
            let kind =
                part.kind == nil
                ? AreaKind(rawValue: area.kind) : checker.choice("\(field).kind", part.kind, AreaKind.self)
            if !code.isEmpty, used.contains(code) || !seen.insert(code).inserted {
                checker.add("\(field).code", .taken)
            }
            let next = Area(code: code, name: name, kind: kind ?? .commune, parent: nil, validFrom: date)
            next.$parent.id = area.$parent.id
            next.path = parentPath + code + "/"
            made.append(next)
        }
        return made
    }

    /// Which part each named unit and body goes to. A name must be a unit (not a department) or a body of
    /// this area, and only once.
    private static func namedUnitsAndBodies(
        _ parts: [SplitAreaInput.Part],
        in area: Area,
        checker: inout FieldChecker,
        on db: any Database
    ) async throws -> SplitAssignment {
        let units = try await AreaMove.units(in: area, on: db)
        let bodies = try await AreaMove.bodies(in: area, on: db)
        let topLevel = Set(units.filter { $0.$parent.id == nil }.compactMap(\.id))
        let departments = Set(units.filter { $0.$parent.id != nil }.compactMap(\.id))
        let areaBodies = Set(bodies.compactMap(\.id))
        var assignment = SplitAssignment()
        for (index, part) in parts.enumerated() {
            for (position, id) in (part.unitIds ?? []).enumerated() {
                let field = "parts.\(index).unit_ids.\(position)"
                if departments.contains(id) {
                    checker.add(
                        field,
                        .invalid(
                            vi: "là phòng ban; phòng ban đi theo đơn vị của nó",
                            en: "is a department; departments follow their unit"
                        )
                    )
                } else if !topLevel.contains(id) {
                    checker.add(field, .invalid(vi: "không thuộc địa bàn này", en: "is not in this area"))
                } else if assignment.units.updateValue(index, forKey: id) != nil {
                    checker.add(field, .invalid(vi: "được nêu hơn một lần", en: "is named more than once"))
                }
            }
            for (position, id) in (part.bodyIds ?? []).enumerated() {
                let field = "parts.\(index).body_ids.\(position)"
                if !areaBodies.contains(id) {
                    checker.add(field, .invalid(vi: "không thuộc địa bàn này", en: "is not in this area"))
                } else if assignment.bodies.updateValue(index, forKey: id) != nil {
                    checker.add(field, .invalid(vi: "được nêu hơn một lần", en: "is named more than once"))
                }
            }
        }
        return assignment
    }
}

/// The part (index) each named unit and body of a split goes to; anything not named goes to part 0.
struct SplitAssignment: Sendable {
    var units: [UUID: Int] = [:]
    var bodies: [UUID: Int] = [:]

    /// A department goes where its unit goes.
    func part(of unit: OrgUnit) -> Int {
        (unit.$parent.id ?? unit.id).flatMap { units[$0] } ?? 0
    }

    func part(of body: SupervisingBody) -> Int {
        body.id.flatMap { bodies[$0] } ?? 0
    }
}
