/// One sheet of cells as strings, exactly as a user would read them in Excel.
struct SpreadsheetTable: Sendable, Equatable {
    var name: String
    var rows: [[String]]
}

/// Caps that keep a hostile or oversized upload from exhausting memory.
enum SpreadsheetLimits {
    static let maxBytes = 10 * 1024 * 1024
    /// The largest part of a 10,000-row staff sheet written by XLSXWriter inflates to 5.8 MB (12.5 MB with 50 more
    /// characters in every cell); a part past a few times that is a zip bomb, not a list.
    static let maxPartBytes = 32 * 1024 * 1024
    /// A few cells at far-apart references would otherwise pad into a huge grid.
    static let maxCells = 5_000_000
}

extension SpreadsheetTable {
    /// Trims cells, drops trailing empty rows and columns, and pads every row to the same width.
    static func normalized(
        name: String,
        rows: [[String]],
        maxCells: Int = SpreadsheetLimits.maxCells
    ) throws(SpreadsheetError) -> SpreadsheetTable {
        var trimmed: [[String]] = []
        trimmed.reserveCapacity(rows.count)
        var width = 0
        var lastNonEmptyRow = -1
        for row in rows {
            var cells = row.map(trimCell)
            while let last = cells.last, last.isEmpty {
                cells.removeLast()
            }
            if !cells.isEmpty {
                lastNonEmptyRow = trimmed.count
                width = max(width, cells.count)
            }
            trimmed.append(cells)
        }
        trimmed.removeSubrange((lastNonEmptyRow + 1)...)
        let (cellCount, overflow) = trimmed.count.multipliedReportingOverflow(by: width)
        guard !overflow, cellCount <= maxCells, trimmed.count <= maxCells else {
            throw .malformed("more than \(maxCells) cells")
        }
        for index in trimmed.indices where trimmed[index].count < width {
            trimmed[index].append(contentsOf: repeatElement("", count: width - trimmed[index].count))
        }
        return SpreadsheetTable(name: name, rows: trimmed)
    }

    private static func trimCell(_ cell: String) -> String {
        guard let first = cell.unicodeScalars.first, let last = cell.unicodeScalars.last,
            isTrimmable(first) || isTrimmable(last)
        else { return cell }
        let scalars = cell.unicodeScalars
        guard let start = scalars.firstIndex(where: { !isTrimmable($0) }),
            let end = scalars.lastIndex(where: { !isTrimmable($0) })
        else { return "" }
        return String(scalars[start...end])
    }

    private static func isTrimmable(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isWhitespace || scalar == "\u{FEFF}" || scalar == "\u{200B}"
    }
}
