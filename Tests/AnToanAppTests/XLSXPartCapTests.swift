import Foundation
import Testing
import Vapor
import VaporTesting

@testable import AnToanApp

/// An .xlsx part may unzip to a few times what a 10,000-row list needs, not to 100 MB.
@Suite("XLSX part cap")
struct XLSXPartCapTests {
    @Test("a 10,000-row staff sheet reads under the cap, with room to spare")
    func legitimateSheetFits() throws {
        // given
        let rows = [ImportFixtures.staffHeader] + ImportFixtures.staffRows(10_000, unitCode: "SO-TP")
        let data = try XLSXWriter.write([SpreadsheetTable(name: "Nhân viên", rows: rows)])
        // when
        let part = try #require(try XLSXPackage(data: data, maxPartBytes: .max).part("xl/worksheets/sheet1.xml"))
        let tables = try XLSXReader.read(data)
        // then
        #expect(tables.first?.rows.count == 10_001)
        #expect(part.count * 4 < SpreadsheetLimits.maxPartBytes, "\(part.count) bytes")
    }

    @Test("a sheet that unzips past the cap is refused with a 400 naming the part and the cap", arguments: Lane.all)
    func bombRefused(lane: Lane) async throws {
        try await withApp(lane) { app in
            // given: 40 MB of valid sheet XML in a file of a few hundred KB
            let world = try await OrganisationTests.province(app)
            let padding = String(repeating: "Bảo vệ ", count: 2_000)
            let rows = ImportFixtures.staffRows(2_000, unitCode: "SO-TP").map { row in
                row.enumerated().map { $0.offset == 3 ? padding : $0.element }
            }
            let file = try ImportFixtures.xlsx([ImportFixtures.staffHeader] + rows)
            #expect(file.count < SpreadsheetLimits.maxBytes)
            // when
            let vi = try await importFile(
                app,
                "staff",
                file,
                token: world.adminToken,
                dryRun: true,
                contentType: ImportFixtures.xlsxType
            )
            let en = try await importFile(
                app,
                "staff",
                file,
                token: world.adminToken,
                dryRun: true,
                contentType: ImportFixtures.xlsxType,
                language: "en"
            )
            // then
            #expect(vi.status == .badRequest, "\(vi.text)")
            #expect(
                try vi.json(ErrorBody.self).error.message
                    == "Tệp bảng tính giải nén ra quá lớn: phần xl/worksheets/sheet1.xml vượt quá 32 MB. "
                    + "Hãy chia nhỏ danh sách rồi tải lên từng phần."
            )
            #expect(en.status == .badRequest)
            #expect(
                try en.json(ErrorBody.self).error.message.contains("its part xl/worksheets/sheet1.xml is over 32 MB")
            )
        }
    }
}
