/// The duty log book's rules (sổ nhật ký trực ban). Entries are never edited: a correction is a new entry
/// that points at the one it corrects, and an item raised for follow-up stays open, and is carried over
/// from shift to shift, until an entry closes it.
public enum DutyLog {
    public enum Kind: String, Codable, Sendable, CaseIterable {
        /// Something that happened or was done.
        case note
        /// An item that needs follow-up; handed over until closed.
        case open
        /// Closes an open item.
        case close
        /// Replaces the text of an earlier entry, which stays in the book, struck through.
        case correction
    }

    public struct Entry: Sendable, Equatable {
        public var id: String
        public var kind: Kind
        public var refersTo: String?

        public init(id: String, kind: Kind, refersTo: String? = nil) {
            self.id = id
            self.kind = kind
            self.refersTo = refersTo
        }
    }

    public enum Problem: Error, Equatable, Sendable {
        /// A correction or a closing entry that names no entry of this book.
        case missingReference
        /// The referred entry is not in the book.
        case unknownReference
        /// A closing entry for an entry that is not an open item, or one already closed.
        case notOpen
        /// A correction of an entry already corrected: the latest version is the one to correct.
        case alreadyCorrected
    }

    /// The open items of `entries` (in book order): raised as open and not closed since.
    public static func openItems(_ entries: [Entry]) -> [String] {
        let closed = Set(entries.filter { $0.kind == .close }.compactMap(\.refersTo))
        return entries.filter { $0.kind == .open && !closed.contains($0.id) }.map(\.id)
    }

    /// For each corrected entry, the correction that replaces it.
    public static func corrections(_ entries: [Entry]) -> [String: String] {
        var result: [String: String] = [:]
        for entry in entries where entry.kind == .correction {
            if let target = entry.refersTo { result[target] = entry.id }
        }
        return result
    }

    /// Checks a new entry of `kind` referring to `refersTo` against the book so far.
    public static func check(kind: Kind, refersTo: String?, in entries: [Entry]) throws(Problem) {
        switch kind {
        case .note, .open:
            return
        case .close, .correction:
            guard let refersTo else { throw .missingReference }
            guard entries.contains(where: { $0.id == refersTo }) else { throw .unknownReference }
            if kind == .close, !openItems(entries).contains(refersTo) { throw .notOpen }
            if kind == .correction, corrections(entries)[refersTo] != nil { throw .alreadyCorrected }
        }
    }
}
