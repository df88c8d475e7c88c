import AnToanCore
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

@testable import AnToanApp

/// A unit prints the grid its spreadsheet holds: a row per person, a column per day, the same marks in each cell.
@Suite("Roster print grid")
struct RosterPrintGridTests {
    @Test("the print page and the spreadsheet list the same people, days and marks", arguments: Lane.all)
    func sameGrid(lane: Lane) async throws {
        try await withApp(lane, now: RosterWorld.clock) { app in
            // given: a published week of two posts, day and night
            let world = try await RosterWorld.make(app, publish: true)
            var browser = Browser(app)
            _ = try await browser.signIn("quan_tri")
            // when
            let print = try await browser.get("/rosters/\(world.roster.id)/print")
            let sheet = try await browser.get("/rosters/\(world.roster.id)/export.xlsx")
            // then: the sheet's grid, read as a person reads it
            #expect(print.status == .ok && sheet.status == .ok)
            let grid = try #require(try XLSXReader.read(Data(sheet.body.readableBytesView)).first).rows
            let header = grid[4]
            let sheetDays = Array(header[2..<(header.count - 1)])
            let sheetRows = grid[5...].prefix { $0.count > 1 && Int($0[0]) != nil }
            let sheetPeople = sheetRows.map { $0[1] }
            let sheetMarks = sheetRows.map { Array($0[2..<(2 + sheetDays.count)]) }
            // and the print page's
            let wall = try #require(
                print.text.firstMatch(of: /(?s)<table class="wall" id="roster-wall">(.*?)<\/table>/)
            )
            let body = String(wall.output.1)
            let printDays = body.matches(of: /<th scope="col" title="([^"]*)">/).map { String($0.output.1) }
            let printRows = try #require(body.components(separatedBy: "<tbody>").last).components(separatedBy: "<tr>")
                .dropFirst()
            let printPeople = printRows.compactMap { row in
                row.firstMatch(of: /<td class="name">([^<]*)<\/td>/).map { String($0.output.1) }
            }
            let printMarks = printRows.map { row in
                row.matches(of: /<td class="mark">([^<]*)<\/td>/).map { String($0.output.1) }
            }
            #expect(sheetDays.count == 7 && sheetDays.first == "01/02/2027" && sheetDays.last == "07/02/2027")
            #expect(printDays == sheetDays)
            #expect(Set(sheetPeople).isSuperset(of: world.seats.map(\.staffName)))
            #expect(printPeople == Array(sheetPeople))
            #expect(printMarks == Array(sheetMarks))
            #expect(sheetMarks.flatMap { $0 }.contains { $0.contains("★") })
            // the marks are explained below the grid, as on the sheet
            #expect(print.text.contains("<li>D: Trụ sở · Ca ngày 07:00–19:00</li>"))
            #expect(print.text.contains("<li>N-2: Cổng chính · Ca đêm 19:00–07:00</li>"))
        }
    }
}
