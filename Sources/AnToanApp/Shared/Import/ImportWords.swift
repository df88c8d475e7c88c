import AnToanCore

/// The Vietnamese words a spreadsheet may use for one set of API values. The first word of each entry is the
/// label exports write; the raw API value is always accepted too, in any case and with spaces for underscores.
struct ImportWords: Sendable {
    typealias Entry = (value: String, words: [String])

    var entries: [Entry]
    /// Every accepted spelling, folded, to its API value; built once, as a sheet asks for each of its cells.
    private let lookup: [String: String]

    init(_ entries: [Entry]) {
        self.entries = entries
        var lookup: [String: String] = [:]
        for entry in entries {
            let spellings =
                [entry.value, Folding.fold(entry.value.replacingOccurrences(of: "_", with: " "))]
                + entry.words.map(Folding.fold)
            // The first entry that accepts a spelling keeps it.
            for spelling in spellings where lookup[spelling] == nil { lookup[spelling] = entry.value }
        }
        self.lookup = lookup
    }

    /// The API value a cell means, or nil when it means none of the accepted values.
    func value(_ text: String) -> String? {
        lookup[Folding.fold(text)]
    }

    /// The word an export writes for an API value.
    func label(_ value: String) -> String {
        entries.first { $0.value == value }?.words.first ?? value
    }

    /// "Cơ quan (agency), Doanh nghiệp (enterprise), …" for problem messages and template guides.
    var accepted: String {
        entries.map { "\($0.words.first ?? $0.value) (\($0.value))" }.joined(separator: ", ")
    }

    static let yes: Set<String> = ["co", "x", "yes", "y", "true", "1"]
    static let no: Set<String> = ["khong", "no", "n", "false", "0"]

    /// Có/Không, x, yes/no, true/false, 1/0; nil for anything else.
    static func bool(_ text: String) -> Bool? {
        let folded = Folding.fold(text)
        if yes.contains(folded) { return true }
        if no.contains(folded) { return false }
        return nil
    }
}
