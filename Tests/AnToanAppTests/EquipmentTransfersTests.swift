import AnToanCore
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

@testable import AnToanApp

/// Receipts from suppliers and issues to departments or forces (EQ-4) on both databases: a receipt of rounds adds
/// to their stock, an issue of more than is in store is refused naming the count with nothing written, papers are
/// attached on the page and read back, and another unit's or province's transfers are 404.
@Suite("Equipment receipts and issues")
struct EquipmentTransfersTests {
    struct TransferBody: Decodable {
        struct Document: Decodable {
            var id: UUID
            var name: String
        }
        var id: UUID
        var directionText: String
        var stockQuantity: Int
        var documents: [Document]
    }

    static func record(
        _ app: Application,
        _ world: EquipmentRegistryTests.World,
        _ json: String,
        as name: String = "antt_a"
    )
        async throws -> TestingHTTPResponse
    {
        try await api(app, .POST, "/api/v1/equipment/transfers", token: world.token(name), json: json)
    }

    @Test("a receipt adds to a stock, an issue beyond it is refused by name with nothing written", arguments: Lane.all)
    func stock(lane: Lane) async throws {
        let clock = TestClock()
        try await withApp(lane, now: clock.now) { app in
            // given: 120 rounds in store
            let world = try await EquipmentRegistryTests.world(app, clock: clock)
            let rounds = try await EquipmentRegistryTests.register(app, world, EquipmentRegistryTests.rounds)
                .json(EquipmentRegistryTests.ItemBody.self)
            // when: 500 received, then 1,000 asked out
            let received = try await Self.record(
                app,
                world,
                #"{"direction":"receipt","on_day":"02/12/2026","counterpart":"Công ty TNHH Thiết bị An Phát","#
                    + #""document_number":"HĐ 0001234","items":[{"description":"Đạn cao su","quantity":500,"unit":"viên"}],"#
                    + #""stock_item_id":"\#(rounds.id)","stock_quantity":500}"#
            )
            let audit = try await AuditEntry.query(on: app.db).count()
            let tooMany = try await Self.record(
                app,
                world,
                #"{"direction":"issue","on_day":"03/12/2026","counterpart":"Lực lượng tự vệ","#
                    + #""items":[{"description":"Đạn cao su","quantity":1000}],"#
                    + #""stock_item_id":"\#(rounds.id)","stock_quantity":1000}"#
            )
            // then
            #expect(received.status == .created, "\(received.text)")
            #expect(try received.json(TransferBody.self).directionText == "Nhập từ nhà cung cấp")
            let stock = try #require(try await EquipmentItem.find(rounds.id, on: app.db))
            #expect(stock.quantity == 620)
            #expect(tooMany.status == .unprocessableEntity && tooMany.text.contains("chỉ còn 620 viên trong kho"))
            #expect(try tooMany.json(ErrorBody.self).error.fields.map(\.field) == ["stock_quantity"])
            #expect(try await EquipmentTransfer.query(on: app.db).count() == 1)
            #expect(try await AuditEntry.query(on: app.db).count() == audit)
            #expect(try await EquipmentItem.find(rounds.id, on: app.db)?.quantity == 620)
        }
    }

    @Test(
        "the page records a receipt with its paper; another unit or province reads nothing of it",
        arguments: Lane.all
    )
    func pageAndScope(lane: Lane) async throws {
        let clock = TestClock()
        try await withApp(lane, now: clock.now) { app in
            // given
            let world = try await EquipmentRegistryTests.world(app, clock: clock)
            var browser = Browser(app)
            _ = try await browser.signIn("antt_a")
            let page = try await browser.get(SiteURL.equipment(.transfers).path)
            let form = try #require(
                HTMLForms.forms(page.text).first { $0.action == SiteURL.equipment(.transfers).path }
            )
            var values = form.submission { _ in "" }
            values["_csrf"] = nil
            values["documents[]"] = nil
            values["counterpart"] = "Công ty Cổ phần PCCC Sài Gòn"
            values["lines"] = "Bình bột MFZ4 | 10 | bình\nBình CO₂ MT3 | 4 | bình"
            let pdf = Data("%PDF-1.4\n% hoá đơn\n".utf8)
            // when
            let saved = try await browser.upload(
                SiteURL.equipment(.transfers).path,
                fields: values,
                file: pdf,
                filename: "hoa-don.pdf",
                fileField: "documents[]"
            )
            // then
            #expect(saved.status == .seeOther, "\(FormsSubmitTests.errors(saved.text))")
            let transfer = try #require(try await EquipmentTransfer.query(on: app.db).first())
            #expect(transfer.items.map(\.quantity) == ["10", "4"] && transfer.onDay == "2026-11-30")
            let shown = try await browser.get(SiteURL.equipment(.transfer(try transfer.requireID())).path)
            #expect(shown.text.contains("Công ty Cổ phần PCCC Sài Gòn") && shown.text.contains("hoa-don.pdf"))
            let body = try await api(
                app,
                .GET,
                "/api/v1/equipment/transfers/\(try transfer.requireID())",
                token: world.token("tt_a")
            )
            .json(TransferBody.self)
            let document = try #require(body.documents.first)
            let download = try await browser.get(
                SiteURL.equipment(.transferDocument(body.id, document: document.id)).path
            )
            #expect(download.status == .ok && download.headers.contentType?.description == "application/pdf")
            #expect(Data(download.body.readableBytesView) == pdf)
            // a file that is neither a PDF nor a photo is refused by name, nothing written
            let refused = try await browser.upload(
                SiteURL.equipment(.transfers).path,
                fields: values,
                file: Data("MZ not a pdf".utf8),
                filename: "virus.exe",
                fileField: "documents[]"
            )
            #expect(refused.status == .unprocessableEntity && refused.text.contains("không phải PDF"))
            #expect(try await EquipmentTransfer.query(on: app.db).count() == 1)
            // another unit, another province
            for outsider in ["antt_b", "ca_khac"] {
                let token = world.token(outsider)
                let read = try await api(app, .GET, "/api/v1/equipment/transfers/\(body.id)", token: token)
                #expect(read.status == .notFound, "\(outsider)")
                let list = try await api(app, .GET, "/api/v1/equipment/transfers", token: token)
                #expect(try list.json(EquipmentTransferListDTOBody.self).count == 0)
            }
            var other = Browser(app)
            _ = try await other.signIn("antt_b")
            #expect(try await other.get(SiteURL.equipment(.transfer(body.id)).path).status == .notFound)
            let foreignDocument = try await other.get(
                SiteURL.equipment(.transferDocument(body.id, document: document.id)).path
            )
            #expect(foreignDocument.status == .notFound)
            // the province's police read it
            let area = try await api(app, .GET, "/api/v1/equipment/transfers", token: world.token("ca_tinh"))
            #expect(try area.json(EquipmentTransferListDTOBody.self).count == 1)
        }
    }

    struct EquipmentTransferListDTOBody: Decodable {
        var count: Int
    }
}
