import AnToanCore
import Fluent
import Foundation
import SQLKit

/// Reads of custody, certificates and loss reports, always through the reader's scope: 404 outside it.
enum CustodyQueries {
    /// A staff member the scope may see (a unit's own staff; an authority's area's), or nil.
    static func staff(_ id: UUID, in scope: Scope, on db: any Database) async throws -> StaffMember? {
        let query = StaffMember.query(on: db).filter(\.$id == id)
        switch scope {
        case .everything: break
        case .area(let path): query.filter(\.$areaPath, hasPrefix: path.value)
        case .unit(let unitID, _): query.filter(\.$unit.$id == unitID)
        }
        return try await query.first()
    }

    /// The active staff of a unit, by name, for the forms.
    static func staff(of unitID: UUID, on db: any Database) async throws -> [StaffMember] {
        try await StaffMember.query(on: db).filter(\.$unit.$id == unitID).filter(\.$status != "left")
            .sort(\.$nameFolded).all()
    }

    static func certificate(_ id: UUID, in scope: Scope, on db: any Database) async throws -> EquipmentCertificate {
        guard
            let certificate = try await EquipmentCertificate.query(on: db)
                .within(scope, unit: \.$unitID, area: \.$areaPath).filter(\.$id == id).first()
        else { throw AppError.notFound }
        return certificate
    }

    static func certificates(in scope: Scope, on db: any Database) async throws -> [EquipmentCertificate] {
        try await EquipmentCertificate.query(on: db).within(scope, unit: \.$unitID, area: \.$areaPath)
            .sort(\.$issuedOn, .descending).all()
    }

    static func certificates(of staffID: UUID, on db: any Database) async throws -> [EquipmentCertificate] {
        try await EquipmentCertificate.query(on: db).filter(\.$staffID == staffID).all()
    }

    static func custody(_ id: UUID, in scope: Scope, on db: any Database) async throws -> EquipmentCustody {
        guard
            let custody = try await EquipmentCustody.query(on: db).within(scope, unit: \.$unitID, area: \.$areaPath)
                .filter(\.$id == id).first()
        else { throw AppError.notFound }
        return custody
    }

    /// The open issues (requested, approved, handed or out) of the scope, optionally of one holder, the longest
    /// overdue first.
    static func open(in scope: Scope, staff: UUID? = nil, on db: any Database) async throws -> [EquipmentCustody] {
        let query = EquipmentCustody.query(on: db).within(scope, unit: \.$unitID, area: \.$areaPath)
            .filter(\.$status ~~ EquipmentCustody.Status.open)
        if let staff { query.filter(\.$staffID == staff) }
        return try await query.sort(\.$expectedReturnAt).all()
    }

    /// Units of the scope with items out past their expected return (handed over or held): how many each, the most
    /// first, with the unit's name; for the oversight.
    static func overdueByUnit(
        in scope: Scope,
        now: Date,
        on db: any Database
    ) async throws
        -> [(unitID: UUID, name: String, count: Int)]
    {
        let out = [EquipmentCustody.Status.handed.rawValue, EquipmentCustody.Status.issued.rawValue]
        let counts = try await db.rows(
            """
            SELECT c.unit_id, COUNT(*) FROM equipment_custodies c \
            WHERE \(TextMatch.within(scope, unit: "c.unit_id", area: "c.area_path")) \
            AND c.status IN (\(binds: out)) AND c.expected_return_at < \(bind: now) GROUP BY c.unit_id
            """
        ) { (try $0.next(UUID.self), try $0.next(Int.self)) }
        let names = try await OrganisationQueries.unitNames(Set(counts.map(\.0)), on: db)
        return counts.map { (unitID: $0.0, name: names[$0.0] ?? "", count: $0.1) }
            .sorted { ($1.count, $0.name) < ($0.count, $1.name) }
    }

    /// The open issues of one item.
    static func open(item: UUID, on db: any Database) async throws -> [EquipmentCustody] {
        try await EquipmentCustody.query(on: db).filter(\.$itemID == item)
            .filter(\.$status ~~ EquipmentCustody.Status.open).all()
    }

    /// Every issue of an item, newest first (the item page's custody section).
    static func history(item: UUID, on db: any Database) async throws -> [EquipmentCustody] {
        try await EquipmentCustody.query(on: db).filter(\.$itemID == item).sort(\.$requestedAt, .descending).all()
    }

    /// The lines of the sổ theo dõi công cụ hỗ trợ: issues handed over in the period, by the time out.
    static func book(of unitID: UUID, from: Date, to: Date, on db: any Database) async throws -> [EquipmentCustody] {
        try await EquipmentCustody.query(on: db).filter(\.$unitID == unitID).filter(\.$handedAt >= from)
            .filter(\.$handedAt < to).sort(\.$handedAt).all()
    }

    static func items(_ ids: [UUID], on db: any Database) async throws -> [UUID: EquipmentItem] {
        guard !ids.isEmpty else { return [:] }
        let items = try await EquipmentItem.query(on: db).filter(\.$id ~~ Array(Set(ids))).all()
        return Dictionary(items.compactMap { item in item.id.map { ($0, item) } }, uniquingKeysWith: { a, _ in a })
    }

    /// The item of an issue (already read through the issue's scope).
    static func item(of custody: EquipmentCustody, on db: any Database) async throws -> EquipmentItem? {
        try await EquipmentItem.find(custody.itemID, on: db)
    }

    /// A unit's items in store, for the request form.
    static func inStore(of unitID: UUID, on db: any Database) async throws -> [EquipmentItem] {
        try await EquipmentItem.query(on: db).filter(\.$unitID == unitID)
            .filter(\.$status == EquipmentStatus.inStore.rawValue).sort(\.$category).sort(\.$label).all()
    }

    static func lossReport(_ id: UUID, in scope: Scope, on db: any Database) async throws -> EquipmentLossReport {
        guard
            let report = try await EquipmentLossReport.query(on: db)
                .within(scope, unit: \.$unitID, area: \.$areaPath).filter(\.$id == id).first()
        else { throw AppError.notFound }
        return report
    }

    /// Loss reports of the scope, the open ones first.
    static func lossReports(
        in scope: Scope,
        openOnly: Bool,
        on db: any Database
    ) async throws
        -> [EquipmentLossReport]
    {
        let query = EquipmentLossReport.query(on: db).within(scope, unit: \.$unitID, area: \.$areaPath)
        if openOnly { query.filter(\.$closedAt == nil) }
        return try await query.sort(\.$foundAt, .descending).all()
    }

    /// The open loss report of an item, if any.
    static func openLoss(item: UUID, on db: any Database) async throws -> EquipmentLossReport? {
        try await EquipmentLossReport.query(on: db).filter(\.$itemID == item).filter(\.$closedAt == nil).first()
    }

    /// The active accounts of a unit's heads (who approve issues) and, with `custodians`, its security officers.
    static func headAccounts(
        of unitID: UUID,
        custodians: Bool = false,
        on db: any Database
    ) async throws
        -> Set<UUID>
    {
        let roles = custodians ? [Role.unitHead.rawValue, Role.unitSecurityOfficer.rawValue] : [Role.unitHead.rawValue]
        return Set(
            try await User.query(on: db).filter(\.$unitID == unitID).filter(\.$isActive == true)
                .filter(\.$scopeKind == Scope.Kind.unit.rawValue).filter(\.$role ~~ roles).all().compactMap(\.id)
        )
    }

    /// The model of an item page's custody section.
    static func section(_ item: EquipmentItem, now: Date, on db: any Database) async throws -> CustodySection.Model {
        CustodySection.Model(history: try await history(item: try item.requireID(), on: db), item: item, now: now)
    }
}
