/// Long key lists cut into batches, for `IN (…)` lists and multi-row inserts.
enum SQLBatch {
    /// Keys per `IN (…)` list and rows per multi-row insert: well under SQLite's 32,766 bound variables.
    static let size = 500

    static func chunks<T>(_ values: some Collection<T>, size: Int = size) -> [[T]] {
        let all = Array(values)
        return stride(from: 0, to: all.count, by: size).map { Array(all[$0..<min($0 + size, all.count)]) }
    }
}
