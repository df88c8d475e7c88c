import AnToanCore
import Fluent
import Foundation
import Vapor

extension ImportKind {
    /// Equipment from the spreadsheets units keep (ACC-4): one row an item or a counted stock, with its permit.
    static let equipment = ImportKind(
        id: "equipment",
        name: (vi: "Vũ khí, công cụ hỗ trợ, phương tiện PCCC", en: "Equipment"),
        sheetName: "Thiết bị",
        columns: [
            .init("unit_code", "Mã đơn vị", required: true), .init("kind", "Loại", required: true),
            .init("label", "Tên gọi"), .init("serial", "Số hiệu"), .init("brand_model", "Nhãn hiệu, kiểu"),
            .init("capacity", "Dung tích, cỡ"), .init("owner", "Thuộc lực lượng"), .init("place", "Nơi cất giữ"),
            .init("status", "Tình trạng"), .init("quantity", "Số lượng"), .init("min_stock", "Tồn kho tối thiểu"),
            .init("measure", "Đơn vị tính"), .init("commissioned_on", "Ngày đưa vào sử dụng"),
            .init("permit_kind", "Loại giấy phép"), .init("permit_number", "Số giấy phép"),
            .init("permit_issuer", "Cơ quan cấp giấy phép"), .init("permit_issued_on", "Ngày cấp giấy phép"),
            .init("permit_valid_until", "Giấy phép có giá trị đến"), .init("notes", "Ghi chú"),
        ],
        permission: .manageEquipment,
        viewPermission: .viewEquipment,
        tables: [EquipmentItem.schema, EquipmentPermit.schema],
        accepted: EquipmentImport.accepted,
        plan: { try await EquipmentImport.plan($0, by: $1, on: $2, progress: $3) },
        export: EquipmentImport.export
    )
}

/// Equipment from a spreadsheet, with the rules of `EquipmentRegistry.create`: a known kind, a serial not already
/// in the unit's registry for that kind (nor twice in the file), no serial on a counted stock, counts not
/// negative, a permit's end not before its start. Every problem is listed; nothing is written unless none.
enum EquipmentImport {
    struct Plan: ImportPlan {
        var rowCount: Int
        var problems: [ImportProblem]
        var items: [EquipmentItem]
        var permits: [EquipmentPermit]

        func write(on db: any Database, actor: AuditActor, now: Date, progress: ImportProgress) async throws -> Int {
            for item in items {
                item.createdAt = now
                item.updatedAt = now
            }
            for permit in permits { permit.createdAt = now }
            try await ImportWriter.insertAudited(
                items,
                entity: EquipmentRegistry.entity,
                snapshot: \.auditSnapshot,
                on: db,
                actor: actor,
                now: now,
                progress: progress
            )
            try await ImportWriter.insertAudited(
                permits,
                entity: EquipmentRegistry.permitEntity,
                snapshot: \.auditSnapshot,
                on: db,
                actor: actor,
                now: now,
                progress: progress
            )
            try await UpkeepSchedules.follow(items: items, today: VietnamTime.day(of: now), on: db)
            return items.count
        }
    }

    /// The statuses a spreadsheet may give: an item out with someone is issued through custody, not imported.
    static let importableStatuses: Set<EquipmentStatus> = [.inStore, .underRepair, .lost, .disposed]

    static func plan(
        _ sheet: ImportSheet,
        by principal: Principal,
        on db: any Database,
        progress: ImportProgress
    ) async throws -> Plan {
        let unitCodes = Set(sheet.records.compactMap { sheet.value("unit_code", in: $0) })
        let units = try await ImportLookups.units(codes: unitCodes, on: db)
        let taken = try await registeredSerials(units.values.compactMap(\.id), on: db)
        var items: [EquipmentItem] = []
        var permits: [EquipmentPermit] = []
        var problems: [ImportProblem] = []
        var firstRow: [String: Int] = [:]
        for (index, record) in sheet.records.enumerated() {
            var row = ImportRow(sheet, record)
            let item = EquipmentItem()
            item.id = UUID()
            let unit = unit(of: &row, units: units, scope: principal.scope)
            let kind = row.choice("kind", EquipmentKind.self)
            let serial = row.optionalText("serial", max: EquipmentLimits.serial)
            item.label = row.text("label", max: EquipmentLimits.label, optional: true)
            item.brandModel = row.text("brand_model", max: EquipmentLimits.brandModel, optional: true)
            item.capacity = row.text("capacity", max: EquipmentLimits.capacity, optional: true)
            item.owner = (row.choice("owner", EquipmentOwner.self, optional: true) ?? .guardForce).rawValue
            item.place = row.text("place", max: EquipmentLimits.place, optional: true)
            let status = row.choice("status", EquipmentStatus.self, optional: true) ?? .inStore
            if !importableStatuses.contains(status) {
                row.add(
                    "status",
                    .invalid(
                        vi: "thiết bị đang cấp phát được ghi qua sổ cấp phát, không nhập",
                        en: "an item out with someone is issued through custody, not imported"
                    )
                )
            }
            item.status = status.rawValue
            let counted = kind?.isCounted ?? false
            let quantity = count("quantity", &row)
            let minimum = count("min_stock", &row)
            item.quantity = counted ? quantity ?? 0 : 1
            item.minStock = counted ? minimum ?? 0 : 0
            let measure = row.text("measure", max: EquipmentLimits.measure, optional: true)
            item.measure = measure.isEmpty ? (counted ? "viên" : "chiếc") : measure
            item.commissionedOn = row.date("commissioned_on")
            item.notes = row.text("notes", max: EquipmentLimits.notes, optional: true)
            if counted, serial != nil {
                row.add(
                    "serial",
                    .invalid(vi: "loại tính theo số lượng không có số hiệu", en: "a counted stock has no serial")
                )
            }
            if let kind, let unit, let serial, let unitID = unit.id {
                let key = "\(unitID.uuidString)|\(kind.rawValue)|\(serial)"
                if let first = firstRow[key] {
                    row.add("serial", ImportReason.repeats(first))
                } else {
                    firstRow[key] = record.number
                    if taken.contains(key) {
                        row.add("serial", ImportReason.exists)
                    }
                }
            }
            let permit = permit(of: &row, itemID: item.id)
            if let kind, let unit, let unitID = unit.id {
                item.unitID = unitID
                item.areaPath = unit.areaPath
                item.kind = kind.rawValue
                item.category = kind.category.rawValue
                item.serial = serial
                item.searchFolded = Folding.fold(
                    [item.label, kind.nameVi, serial ?? "", item.brandModel, item.place].joined(separator: " ")
                )
                items.append(item)
                if let permit {
                    permit.unitID = unitID
                    permit.areaPath = unit.areaPath
                    permits.append(permit)
                }
            }
            problems += row.problems
            if (index + 1) % ImportProgress.interval == 0 {
                await progress.report(.checking, index + 1, sheet.records.count)
            }
        }
        problems = sheet.problems + problems
        await progress.report(.checking, sheet.records.count, sheet.records.count)
        guard problems.isEmpty else {
            return Plan(rowCount: sheet.records.count, problems: problems, items: [], permits: [])
        }
        return Plan(rowCount: sheet.records.count, problems: [], items: items, permits: permits)
    }

    /// The unit named by its code, inside the importer's scope.
    private static func unit(of row: inout ImportRow, units: [String: OrgUnit], scope: Scope) -> OrgUnit? {
        let code = row.code("unit_code")
        guard !code.isEmpty else { return nil }
        guard let unit = units[code] else {
            row.add("unit_code", ImportReason.unknownCode(code))
            return nil
        }
        guard scope.covers(unit) else {
            row.add("unit_code", ImportReason.outsideScope)
            return nil
        }
        return unit
    }

    /// A whole number, not negative; nil when the cell is empty.
    private static func count(_ key: String, _ row: inout ImportRow) -> Int? {
        guard let text = row[key]?.replacingOccurrences(of: ".", with: "") else { return nil }
        guard let value = Int(text) else {
            row.add(key, .invalid(vi: "cần một số nguyên", en: "needs a whole number"))
            return nil
        }
        if value < 0 { row.add(key, .invalid(vi: "không được là số âm", en: "cannot be negative")) }
        if value > EquipmentLimits.quantity {
            row.add(
                key,
                .invalid(vi: "không quá \(EquipmentLimits.quantity)", en: "at most \(EquipmentLimits.quantity)")
            )
        }
        return value
    }

    /// The row's permit when any of its cells is filled: then its number, office and start are required.
    private static func permit(of row: inout ImportRow, itemID: UUID?) -> EquipmentPermit? {
        let keys = ["permit_kind", "permit_number", "permit_issuer", "permit_issued_on", "permit_valid_until"]
        guard keys.contains(where: { row[$0] != nil }) else { return nil }
        let permit = EquipmentPermit()
        permit.id = UUID()
        permit.itemID = itemID ?? UUID()
        permit.kind = (row.choice("permit_kind", PermitKind.self, optional: true) ?? .use).rawValue
        permit.number = row.text("permit_number", max: EquipmentLimits.permitNumber)
        permit.issuer = row.name("permit_issuer", max: EquipmentLimits.issuer)
        let issued = row.date("permit_issued_on", optional: false)
        let until = row.date("permit_valid_until")
        if let issued, let until, until < issued {
            row.add(
                "permit_valid_until",
                .invalid(vi: "không được trước ngày cấp giấy phép", en: "cannot precede the permit's start")
            )
        }
        permit.issuedOn = issued ?? ""
        permit.validUntil = until
        return permit
    }

    /// "unit|kind|serial" of every numbered item the units already have.
    private static func registeredSerials(_ unitIDs: [UUID], on db: any Database) async throws -> Set<String> {
        var keys = Set<String>()
        for chunk in SQLBatch.chunks(Set(unitIDs)) {
            let rows = try await EquipmentItem.query(on: db).filter(\.$unitID ~~ chunk).filter(\.$serial != nil)
                .field(\.$unitID).field(\.$kind).field(\.$serial).all()
            for item in rows {
                if let serial = item.serial { keys.insert("\(item.unitID.uuidString)|\(item.kind)|\(serial)") }
            }
        }
        return keys
    }

    /// What the template's guide says a column accepts.
    @Sendable static func accepted(_ key: String) -> String {
        switch key {
        case "kind": ImportVocabulary.accepted(in: "EquipmentKind")
        case "owner": ImportVocabulary.accepted(in: "EquipmentOwner")
        case "status": ImportVocabulary.accepted(in: "EquipmentStatus")
        case "permit_kind": ImportVocabulary.accepted(in: "PermitKind")
        case "quantity", "min_stock": "Số nguyên không âm; chỉ với đạn, hộp tiếp đạn"
        case "commissioned_on", "permit_issued_on", "permit_valid_until": "Ngày dd/MM/yyyy"
        default: ""
        }
    }

    /// The scope's items in the columns' order, so that an export imports again (into another installation).
    @Sendable static func export(_ principal: Principal, _ reveal: Bool, _ app: Application) async throws -> [[String]]
    {
        let db = app.db
        let items = try await EquipmentQueries.items(in: principal.scope, on: db).sort(\.$unitID).sort(\.$kind)
            .sort(\.$searchFolded).all()
        var codes: [UUID: String] = [:]
        for chunk in SQLBatch.chunks(Set(items.map(\.unitID))) {
            for unit in try await OrgUnit.query(on: db).filter(\.$id ~~ chunk).all() {
                if let id = unit.id { codes[id] = unit.code }
            }
        }
        var permits: [UUID: EquipmentPermit] = [:]
        for chunk in SQLBatch.chunks(Set(items.compactMap(\.id))) {
            for permit in try await EquipmentPermit.query(on: db).filter(\.$itemID ~~ chunk).all() {
                permits[permit.itemID] = permit
            }
        }
        return items.map { item in
            let permit = item.id.flatMap { permits[$0] }
            let counted = item.kindValue.isCounted
            return [
                codes[item.unitID] ?? "", ImportVocabulary.label(item.kind, in: "EquipmentKind"), item.label,
                item.serial ?? "", item.brandModel, item.capacity,
                ImportVocabulary.label(item.owner, in: "EquipmentOwner"),
                item.place, ImportVocabulary.label(item.status, in: "EquipmentStatus"),
                counted ? String(item.quantity) : "", counted && item.minStock > 0 ? String(item.minStock) : "",
                counted ? item.measure : "", EquipmentWords.day(item.commissionedOn),
                permit.map { ImportVocabulary.label($0.kind, in: "PermitKind") } ?? "", permit?.number ?? "",
                permit?.issuer ?? "", EquipmentWords.day(permit?.issuedOn), EquipmentWords.day(permit?.validUntil),
                item.notes,
            ]
        }
    }
}
