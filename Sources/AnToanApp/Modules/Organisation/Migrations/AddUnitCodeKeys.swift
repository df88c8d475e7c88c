import Fluent

/// A unit's code as one more of its search keys (`NameKeys`), so that "/units?q=DV0001" finds it through the
/// same index range as a name; the units already in the registry get theirs here.
struct AddUnitCodeKeys: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await NameKeys.write(try await OrgUnit.query(on: database).all(), on: database)
    }

    func revert(on database: any Database) async throws {
        let units = try await OrgUnit.query(on: database).all()
        try await NameKeys.replace(
            .unit,
            units.compactMap { unit in unit.id.map { ($0, unit.nameFolded, []) } },
            on: database
        )
    }
}
