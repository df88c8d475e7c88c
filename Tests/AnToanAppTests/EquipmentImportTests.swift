import AnToanCore
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

@testable import AnToanApp

/// Equipment from the spreadsheets units keep (ACC-4), on both databases: Vietnamese headers and words, a dry run
/// that lists every problem by row and column and writes nothing, all or nothing, and an export that imports
/// again only as "already registered".
@Suite("Equipment import")
struct EquipmentImportTests {
    static let header = [
        "Mã đơn vị", "Loại", "Tên gọi", "Số hiệu", "Nhãn hiệu, kiểu", "Dung tích, cỡ", "Thuộc lực lượng", "Nơi cất giữ",
        "Tình trạng", "Số lượng", "Tồn kho tối thiểu", "Đơn vị tính", "Ngày đưa vào sử dụng", "Loại giấy phép",
        "Số giấy phép", "Cơ quan cấp giấy phép", "Ngày cấp giấy phép", "Giấy phép có giá trị đến", "Ghi chú",
    ]

    static func row(_ cells: [Int: String]) -> [String] {
        header.indices.map { cells[$0] ?? "" }
    }

    static let good: [[String]] = [
        row([
            0: "SO-TP", 1: "Bình bột", 2: "Bình bột tầng 1", 3: "MFZ4-0001", 5: "4 kg", 7: "Sảnh tầng 1",
            12: "15/01/2025",
        ]),
        row([
            0: "SO-TP", 1: "Dùi cui cao su", 3: "DC-01", 6: "Bảo vệ", 7: "Tủ công cụ hỗ trợ", 13: "Giấy phép sử dụng",
            14: "12/GP", 15: "Phòng Cảnh sát QLHC về TTXH", 16: "01/03/2025", 17: "01/03/2030",
        ]),
        row([0: "SO-TP", 1: "Đạn", 6: "Tự vệ", 7: "Kho vũ khí", 9: "1.200", 10: "1.000", 11: "viên"]),
        row([0: "CT-DT", 1: "Bộ đàm", 2: "Bộ đàm cổng", 3: "BD-7", 8: "Đang sửa chữa"]),
    ]

    @Test(
        "a dry run lists every problem by row and column and writes nothing; the fixed file imports at once",
        arguments: Lane.all
    )
    func dryRunThenImport(lane: Lane) async throws {
        try await withApp(lane) { app in
            // given
            let world = try await OrganisationTests.province(app)
            let bad = ImportFixtures.csv(
                [Self.header] + Self.good + [
                    Self.row([0: "SO-TP", 1: "Đại bác", 3: "X"]),
                    Self.row([0: "SO-TP", 1: "Bình bột", 3: "MFZ4-0001"]),
                    Self.row([0: "SO-TP", 1: "Đạn", 3: "D-1", 9: "-5"]),
                    Self.row([
                        0: "SO-TP", 1: "Dùi cui điện", 14: "1/GP", 15: "Công an", 16: "01/03/2025", 17: "01/01/2025",
                    ]),
                    Self.row([0: "SO-TP", 1: "Dùi cui điện", 8: "Đang cấp phát"]),
                    Self.row([0: "KHONG-CO", 1: "Bộ đàm"]),
                ]
            )
            let auditBefore = try await AuditEntry.query(on: app.db).count()
            // when
            let dry = try await importFile(app, "equipment", bad, token: world.adminToken, dryRun: true)
            let applied = try await importFile(app, "equipment", bad, token: world.adminToken, dryRun: false)
            // then
            let report = try ImportTests.report(dry)
            #expect(
                report.problems.map { "\($0.row)|\($0.column)" } == [
                    "6|Loại", "7|Số hiệu", "8|Số lượng", "8|Số hiệu", "9|Giấy phép có giá trị đến", "10|Tình trạng",
                    "11|Mã đơn vị",
                ],
                "\(report.problems)"
            )
            #expect(report.problems.contains { $0.row == 7 && $0.reason == "trùng với dòng 2 trong tệp" })
            #expect(report.problems.contains { $0.row == 8 && $0.reason == "không được là số âm" })
            #expect(applied.status == .unprocessableEntity)
            #expect(try await EquipmentItem.query(on: app.db).count() == 0)
            #expect(try await AuditEntry.query(on: app.db).count() == auditBefore)
            // the fixed file, as an XLSX
            let fixed = try ImportFixtures.xlsx([Self.header] + Self.good, sheet: "Thiết bị")
            let done = try await importFile(
                app,
                "equipment",
                fixed,
                token: world.adminToken,
                dryRun: false,
                contentType: ImportFixtures.xlsxType
            )
            #expect(done.status == .ok, "\(done.text)")
            #expect(try ImportTests.report(done).created == 4)
            #expect(try await EquipmentItem.query(on: app.db).count() == 4)
            #expect(try await EquipmentPermit.query(on: app.db).count() == 1)
            #expect(try await AuditEntry.query(on: app.db).count() == auditBefore + 5)
            let rounds = try #require(try await EquipmentItem.query(on: app.db).filter(\.$kind == "ammunition").first())
            #expect(rounds.quantity == 1_200 && rounds.minStock == 1_000 && rounds.owner == "self_defence")
            let radio = try #require(try await EquipmentItem.query(on: app.db).filter(\.$kind == "radio").first())
            #expect(radio.unitID == world.unitB.id && radio.status == "under_repair")
            // the same file again: every numbered item is already registered, nothing written
            let again = try await importFile(
                app,
                "equipment",
                fixed,
                token: world.adminToken,
                dryRun: false,
                contentType: ImportFixtures.xlsxType
            )
            #expect(again.status == .unprocessableEntity)
            #expect(try ImportTests.report(again).problems.filter { $0.reason == "đã có trong hệ thống" }.count == 3)
            #expect(try await EquipmentItem.query(on: app.db).count() == 4)
        }
    }

    @Test(
        "the demo province's equipment: every unit's mix, permits on support tools, certificates",
        arguments: Lane.all
    )
    func demo(lane: Lane) async throws {
        try await withApp(lane) { app in
            // when
            let result = try await DemoCommand.load(
                app: app,
                communes: 2,
                units: 4,
                staff: 40,
                duty: false,
                equipment: 18
            )
            // then
            let units = try await OrgUnit.query(on: app.db).filter(\.$parent.$id == nil).count()
            #expect(result.equipment?.items == units * 18)
            #expect(try await EquipmentItem.query(on: app.db).count() == units * 18)
            let tools = try await EquipmentItem.query(on: app.db).filter(\.$category == "support_tool").count()
            #expect(try await EquipmentPermit.query(on: app.db).count() == tools && tools > 0)
            #expect(
                try await EquipmentItem.query(on: app.db).filter(\.$kind == "ammunition").first()?.quantity ?? 0 > 0
            )
            #expect(try await EquipmentCertificate.query(on: app.db).count() == result.equipment?.certificates)
        }
    }
}
