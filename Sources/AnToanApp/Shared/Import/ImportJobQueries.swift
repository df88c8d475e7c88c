import Fluent
import Foundation

/// Background imports as their owner reads them.
enum ImportJobQueries {
    /// The job if the signed-in account started it; another account's job is a 404, whatever its scope.
    static func job(_ id: UUID, of principal: Principal, on db: any Database) async throws -> ImportJob {
        guard let job = try await ImportJob.query(on: db).filter(\.$id == id).filter(\.$userID == principal.id).first()
        else { throw AppError.notFound }
        return job
    }
}
