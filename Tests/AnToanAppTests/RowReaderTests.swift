import Foundation
import SQLKit
import Testing

@testable import AnToanApp

@Suite("Rows read by position")
struct RowReaderTests {
    @Test("columns come back in the order selected, with their types, nulls and bound values", arguments: Lane.all)
    func columnsInOrder(lane: Lane) async throws {
        try await withApp(lane) { app in
            // given
            let id = UUID()
            let query: SQLQueryString =
                "SELECT \(bind: id) AS id, \(bind: "Nguyễn Văn Đức") AS name, 42 AS count, NULL AS missing"
            // when
            let rows = try await app.db.rows(query) {
                (try $0.next(UUID.self), try $0.next(String.self), try $0.next(Int.self), try $0.next(String?.self))
            }
            // then
            #expect(rows.count == 1)
            #expect(rows.first?.0 == id)
            #expect(rows.first?.1 == "Nguyễn Văn Đức")
            #expect(rows.first?.2 == 42)
            #expect(rows.first?.3 == nil)
        }
    }

    @Test("reading past the last column selected is an error, not a made-up value", arguments: Lane.all)
    func pastTheEnd(lane: Lane) async throws {
        try await withApp(lane) { app in
            await #expect(throws: RowReaderError.self) {
                _ = try await app.db.rows("SELECT 1 AS one") { (try $0.next(Int.self), try $0.next(Int.self)) }
            }
        }
    }
}
