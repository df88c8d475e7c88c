import AnToanCore
import Fluent
import Foundation
import Vapor

/// The demo province's equipment: for each top-level unit, `perUnit` items in the mix a unit keeps (extinguishers on
/// every floor, a hydrant and hose reels, batons and handcuffs with their use permit, radios, a camera, and for some
/// a stock of rounds of the self-defence force), each with a serial, a place and a day in service; and a training
/// certificate for the first guards of each unit. Deterministic: the same province gets the same equipment.
enum DemoEquipment {
    struct Result: Sendable {
        var items: Int
        var permits: Int
        var certificates: Int
    }

    /// The mix a unit's registry cycles through.
    private static let mix: [(EquipmentKind, String, String)] = [
        (.powderExtinguisher, "MFZ4", "4 kg"), (.co2Extinguisher, "MT3", "3 kg"), (.powderExtinguisher, "MFZ8", "8 kg"),
        (.hoseReel, "D50", "20 m"), (.rubberBaton, "Tonfa T1", ""), (.electricBaton, "TW-10", ""),
        (.handcuffs, "Peerless 700", ""), (.radio, "Motorola XiR C1200", ""), (.powderExtinguisher, "MFZ4", "4 kg"),
        (.camera, "Hikvision DS-2CD", ""), (.hydrant, "Trụ 2 cửa D100", ""), (.co2Extinguisher, "MT5", "5 kg"),
        (.cutResistantGloves, "Cấp 5", ""), (.flashlight, "Police T6", ""), (.fireAlarm, "Horing AH-03127", ""),
        (.bodyArmour, "Cấp III", ""), (.metalDetector, "MD-3003B1", ""), (.ammunition, "", ""),
    ]

    private static let places = [
        "Sảnh tầng 1", "Hành lang tầng 2", "Hành lang tầng 3", "Nhà xe", "Phòng bảo vệ", "Kho lưu trữ", "Cổng chính",
        "Phòng máy chủ", "Bếp ăn", "Cầu thang bộ",
    ]

    private static let chunk = 1_000

    /// Loads the equipment of every top-level unit; `perUnit` 0 loads none.
    static func load(perUnit: Int, app: Application) async throws -> Result {
        guard perUnit > 0 else { return Result(items: 0, permits: 0, certificates: 0) }
        let now = app.clock.now()
        let today = VietnamTime.day(of: now)
        let units = try await OrgUnit.query(on: app.db).filter(\.$parent.$id == nil).sort(\.$code).all()
        // A small demo's duty posts count their radio, baton, handcuffs and torch at each handover.
        var posts: [UUID: String] = [:]
        if units.count <= DemoDuty.maxUnits {
            for unit in units {
                guard let id = unit.id, let post = try await RosterQueries.posts(of: id, on: app.db).first else {
                    continue
                }
                posts[id] = post.id
            }
        }
        var result = Result(items: 0, permits: 0, certificates: 0)
        for batch in SQLBatch.chunks(units, size: max(1, chunk / perUnit)) {
            var items: [EquipmentItem] = []
            var permits: [EquipmentPermit] = []
            for unit in batch {
                guard let unitID = unit.id else { continue }
                for index in 0..<perUnit {
                    let (kind, model, capacity) = mix[index % mix.count]
                    let item = EquipmentItem()
                    item.id = UUID()
                    item.unitID = unitID
                    item.areaPath = unit.areaPath
                    item.kind = kind.rawValue
                    item.category = kind.category.rawValue
                    item.brandModel = model
                    item.capacity = capacity
                    item.owner = (kind == .ammunition ? EquipmentOwner.selfDefence : .guardForce).rawValue
                    item.place = kind == .ammunition ? "Kho vũ khí" : places[index % places.count]
                    item.label = ""
                    item.serial = kind.isCounted ? nil : "\(unit.code)-\(String(format: "%04d", index + 1))"
                    item.status = EquipmentStatus.inStore.rawValue
                    if [.radio, .rubberBaton, .handcuffs, .flashlight].contains(kind) { item.post = posts[unitID] }
                    item.quantity = kind.isCounted ? 150 + index % 100 : 1
                    item.minStock = kind.isCounted ? 200 : 0
                    item.measure = kind.isCounted ? "viên" : "chiếc"
                    item.commissionedOn = today.adding(days: -(30 + (index * 37) % 1_000)).iso
                    item.notes = ""
                    item.searchFolded = Folding.fold(
                        [kind.nameVi, item.serial ?? "", model, item.place].joined(separator: " ")
                    )
                    item.createdAt = now
                    item.updatedAt = now
                    items.append(item)
                    if kind.category == .supportTool, let id = item.id {
                        let permit = EquipmentPermit()
                        permit.id = UUID()
                        permit.itemID = id
                        permit.unitID = unitID
                        permit.areaPath = unit.areaPath
                        permit.kind = PermitKind.use.rawValue
                        permit.number = "\(index + 1)/GP-CCHT"
                        permit.issuer = "Phòng Cảnh sát QLHC về TTXH – Công an tỉnh Sơn Hà"
                        permit.issuedOn = today.adding(days: -400).iso
                        // Some permits run out within the year, so that the oversight has some to show.
                        permit.validUntil = today.adding(days: index % 7 == 4 ? 20 : 1_400).iso
                        permit.createdAt = now
                        permits.append(permit)
                    }
                }
            }
            let (newItems, newPermits) = (items, permits)
            try await app.write { db in
                for part in SQLBatch.chunks(newItems, size: chunk) {
                    let _: Void = try await part.create(on: db)
                }
                for part in SQLBatch.chunks(newPermits, size: chunk) {
                    let _: Void = try await part.create(on: db)
                }
            }
            result.items += items.count
            result.permits += permits.count
        }
        result.certificates = try await certificates(units, today: today, now: now, app: app)
        try await app.db.analyze([EquipmentItem.schema, EquipmentPermit.schema, EquipmentCertificate.schema])
        return result
    }

    /// A support-tool certificate for the first two staff of each unit, so that a baton can be issued to them.
    private static func certificates(
        _ units: [OrgUnit],
        today: SolarDate,
        now: Date,
        app: Application
    ) async throws
        -> Int
    {
        var certificates: [EquipmentCertificate] = []
        for batch in SQLBatch.chunks(units.compactMap(\.id), size: chunk) {
            let staff = try await StaffMember.query(on: app.db).filter(\.$unit.$id ~~ batch).sort(\.$nameFolded).all()
            let byUnit = Dictionary(grouping: staff, by: { $0.$unit.id })
            for unit in units {
                guard let id = unit.id, let people = byUnit[id] else { continue }
                for (index, member) in people.prefix(2).enumerated() {
                    guard let staffID = member.id else { continue }
                    let certificate = EquipmentCertificate()
                    certificate.id = UUID()
                    certificate.staffID = staffID
                    certificate.unitID = id
                    certificate.areaPath = unit.areaPath
                    certificate.category = EquipmentCategory.supportTool.rawValue
                    certificate.number = "\(unit.code)-CN\(index + 1)"
                    certificate.issuer = "Công an tỉnh Sơn Hà"
                    certificate.issuedOn = today.adding(days: -200).iso
                    certificate.validUntil = today.adding(days: 1_625).iso
                    certificate.createdAt = now
                    certificates.append(certificate)
                }
            }
        }
        let made = certificates
        try await app.write { db in
            for part in SQLBatch.chunks(made, size: chunk) {
                let _: Void = try await part.create(on: db)
            }
        }
        return certificates.count
    }
}
