import AnToanCore
import Fluent
import Foundation

/// Reads of peak periods through the reader's scope.
enum PeakPeriodQueries {
    /// The periods that concern `scope`, earliest first: an authority's are those declared for its area, below
    /// it (it may have declared them) and above it (they reach it); a unit's are those over its own area.
    static func visible(in scope: Scope, on db: any Database) async throws -> [PeakPeriodRecord] {
        let query = PeakPeriodRecord.query(on: db).sort(\.$startDate).sort(\.$name)
        switch scope {
        case .everything: break
        case .area(let path):
            query.group(.or) {
                $0.filter(\.$areaPath, hasPrefix: path.value).filter(\.$areaPath ~~ path.lineage.map(\.value))
            }
        case .unit(_, let path): query.filter(\.$areaPath ~~ path.lineage.map(\.value))
        }
        return try await query.all()
    }

    /// The current areas an account may declare a peak period for: its own area and those below it.
    static func declarableAreas(for scope: Scope, on db: any Database) async throws -> [Area] {
        try await OrganisationQueries.areas(asOf: nil, on: db).filter { scope.covers(.area($0.areaPath)) }
    }
}
