extension AreaPath {
    /// This path and every path above it, the root first: `/99/99001/` gives `/99/`, `/99/99001/`.
    public var lineage: [AreaPath] {
        let segments = value.split(separator: "/")
        return segments.indices.compactMap { index in
            AreaPath("/" + segments[...index].joined(separator: "/") + "/")
        }
    }

    /// The path one level up, nil for a root.
    public var parent: AreaPath? {
        let lineage = lineage
        return lineage.count > 1 ? lineage[lineage.count - 2] : nil
    }
}
