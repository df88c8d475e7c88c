import Fluent
import SQLKit

/// The oversight of a province reads every unit's counts, in the order of their names and summed: an index of the
/// area path that holds all the columns it reads, so that neither read goes from the index to the table for each of
/// its thousands of rows. It replaces the index of the area path and problems alone.
struct CoverEquipmentOversight: AsyncMigration {
    func prepare(on database: any Database) async throws {
        let _: Void = try await database.sql.raw("DROP INDEX equipment_unit_upkeep_area").run()
        let _: Void = try await database.sql.raw(
            """
            CREATE INDEX equipment_unit_upkeep_area ON equipment_unit_upkeep (area_path, problems, name_folded, \
            unit_id, name, overdue_checks, overdue_maintenance, expired_permits, overdue_actions, open_actions, lost, \
            computed_day)
            """
        ).run()
    }

    func revert(on database: any Database) async throws {
        let _: Void = try await database.sql.raw("DROP INDEX equipment_unit_upkeep_area").run()
        let _: Void = try await database.sql.raw(
            "CREATE INDEX equipment_unit_upkeep_area ON equipment_unit_upkeep (area_path, problems)"
        ).run()
    }
}
