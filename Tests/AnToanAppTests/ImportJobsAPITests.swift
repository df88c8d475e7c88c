import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

@testable import AnToanApp

/// Large imports through the API go to the background and are followed at `/api/v1/import-jobs/{id}`.
@Suite("Import jobs over the API")
struct ImportJobsAPITests {
    @Test(
        "an import of more than 2,000 rows answers 202 with its job, which writes every row; only its owner sees it",
        arguments: Lane.all
    )
    func largeImportInBackground(lane: Lane) async throws {
        try await withApp(lane) { app in
            // given
            let world = try await OrganisationTests.province(app)
            let count = ImportJobs.apiBackgroundRows + 1
            let file = ImportFixtures.csv(
                [ImportFixtures.staffHeader] + ImportFixtures.staffRows(count, unitCode: "SO-TP")
            )
            let other = try await Fixtures.user("quan_tri_khac", role: .administrator, scope: .everything, on: app.db)
            let otherToken = try await Fixtures.token(for: other, app: app)
            let staffBefore = try await StaffMember.query(on: app.db).count()
            // when
            let accepted = try await importFile(app, "staff", file, token: world.adminToken, dryRun: false)
            await app.importJobs.drain()
            let id = try accepted.json(ImportJobDTO.self).id
            let finished = try await api(app, .GET, "/api/v1/import-jobs/\(id)", token: world.adminToken)
            let stranger = try await api(app, .GET, "/api/v1/import-jobs/\(id)", token: otherToken)
            // then
            #expect(accepted.status == .accepted, "\(accepted.text)")
            let started = try accepted.json(ImportJobDTO.self)
            #expect(accepted.headers.first(name: .location) == "/api/v1/import-jobs/\(id)")
            #expect(started.kind == "staff" && started.total == count)
            #expect(finished.status == .ok)
            let job = try finished.json(ImportJobDTO.self)
            #expect(job.status == "done" && job.done == count && job.total == count)
            #expect(job.report?.applied == true && job.report?.created == count && job.report?.problems == [])
            #expect(try await StaffMember.query(on: app.db).count() == staffBefore + count)
            #expect(stranger.status == .notFound)
        }
    }

    @Test(
        "a dry run of a large file and an import of 2,000 rows still answer their report at once",
        arguments: Lane.all
    )
    func smallImportStaysInTheRequest(lane: Lane) async throws {
        try await withApp(lane) { app in
            // given
            let world = try await OrganisationTests.province(app)
            let large = ImportFixtures.csv(
                [ImportFixtures.staffHeader]
                    + ImportFixtures.staffRows(ImportJobs.apiBackgroundRows + 1, unitCode: "SO-TP")
            )
            let small = ImportFixtures.csv(
                [ImportFixtures.staffHeader] + ImportFixtures.staffRows(ImportJobs.apiBackgroundRows, unitCode: "SO-TP")
            )
            // when
            let dryRun = try await importFile(app, "staff", large, token: world.adminToken, dryRun: true)
            let applied = try await importFile(app, "staff", small, token: world.adminToken, dryRun: false)
            // then
            #expect(dryRun.status == .ok)
            #expect(try dryRun.json(ImportReportDTO.self).rows == ImportJobs.apiBackgroundRows + 1)
            #expect(applied.status == .ok)
            #expect(try applied.json(ImportReportDTO.self).created == ImportJobs.apiBackgroundRows)
            #expect(try await ImportJob.query(on: app.db).count() == 0)
        }
    }
}
