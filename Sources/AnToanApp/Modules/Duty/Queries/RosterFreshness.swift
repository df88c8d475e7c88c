import AnToanCore
import Foundation

/// How the unit's set-up differs from the posts a roster was made from: posts added or dropped, shifts or
/// staffing changed. A roster made before the posts were kept with it is never called out of date.
enum RosterFreshness {
    struct Changes: Equatable, Sendable {
        var added: [DutyPost] = []
        var removed: [DutyPost] = []
        var changed: [DutyPost] = []

        var isEmpty: Bool { added.isEmpty && removed.isEmpty && changed.isEmpty }
    }

    static func changes(made snapshot: String?, now posts: [DutyPost]) -> Changes {
        guard let snapshot, let then = try? JSONDecoder().decode([DutyPost].self, from: Data(snapshot.utf8)) else {
            return Changes()
        }
        let before = Dictionary(then.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let current = Set(posts.map(\.id))
        return Changes(
            added: posts.filter { before[$0.id] == nil },
            removed: then.filter { !current.contains($0.id) },
            changed: posts.filter { post in
                before[post.id].map { $0.pattern != post.pattern || $0.requirements != post.requirements } ?? false
            }
        )
    }

    /// "Lịch trực đã cũ: có chốt mới sau khi ban hành (Bốt gác phía sau)": one line per kind of change.
    static func notes(_ changes: Changes, published: Bool, _ lang: Language) -> [String] {
        let since =
            published ? lang("sau khi ban hành", "after it was published") : lang("sau khi lập", "after it was made")
        let lead = lang("Lịch trực đã cũ: ", "The roster is out of date: ")
        func names(_ posts: [DutyPost]) -> String { posts.map { $0.name ?? $0.id }.joined(separator: ", ") }
        var notes: [String] = []
        if !changes.added.isEmpty {
            notes.append(lead + lang("có chốt mới", "posts were added") + " \(since) (\(names(changes.added))).")
        }
        if !changes.changed.isEmpty {
            notes.append(
                lead + lang("ca trực hoặc số người trực đã đổi", "shifts or staffing changed") + " \(since) ("
                    + "\(names(changes.changed)))."
            )
        }
        if !changes.removed.isEmpty {
            notes.append(lead + lang("có chốt đã bỏ", "posts were dropped") + " \(since) (\(names(changes.removed))).")
        }
        return notes
    }
}
