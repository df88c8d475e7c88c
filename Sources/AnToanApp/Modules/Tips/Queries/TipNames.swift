import Fluent
import Foundation

/// What a tip concerns, in words: its unit's name, or its area's.
enum TipNames {
    static func concerns(_ tips: [Tip], on db: any Database) async throws -> [UUID: String] {
        let units = try await OrganisationQueries.unitNames(Set(tips.compactMap(\.unitID)), on: db)
        var areas: [String: String] = [:]
        var out: [UUID: String] = [:]
        for tip in tips {
            guard let id = tip.id else { continue }
            if let unit = tip.unitID, let name = units[unit] {
                out[id] = name
            } else {
                if areas[tip.areaPath] == nil {
                    areas[tip.areaPath] = try await TipQueries.areaName(tip.areaPath, on: db)
                }
                out[id] = areas[tip.areaPath]
            }
        }
        return out
    }
}
