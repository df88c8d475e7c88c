import Foundation
import Plot
import Synchronization
import Vapor

/// The rendered content of the pages people reload most (a unit, a month's roster, a province's oversight), kept
/// by this node and served again to the same person for the same address until the data or the minute changes.
///
/// Why kept content is never stale: every write writes an audit entry in its own transaction and moves the audit
/// trail's head, one row that every node shares and that each write locks, so heads count the writes in the order
/// they committed. A page is kept under the head read *before* its data, so what it shows is at least as new as
/// that head; the next write moves the head and the next request renders afresh. The clock changes pages without a
/// write (who is on duty now, today's column), so the minute is part of the key too. The key also holds the person,
/// their language and the whole address with its query: a person only ever gets back what was rendered for them,
/// after their own scope check, at the same head (a change of their scope or role is itself a write). The forms'
/// CSRF token, which belongs to the session, is put in on the way out.
final class KeptPages: Sendable {
    struct Content: Sendable {
        var title: String
        var markup: RenderedMarkup
    }

    /// What a page builds on a miss: its title and its content.
    struct Build {
        var title: String
        var content: (PageContext) -> any Component
    }

    private struct Generation: Comparable {
        var head: Int
        var minute: Date

        static func < (a: Generation, b: Generation) -> Bool {
            (a.head, a.minute) < (b.head, b.minute)
        }
    }

    private struct State {
        var generation = Generation(head: -1, minute: .distantPast)
        var pages: [String: Content] = [:]
        var order: [String] = []
        var bytes = 0
    }

    private let state = Mutex(State())
    /// What a kept page's forms carry instead of the session's CSRF token, which each response fills in (so that a
    /// person's sessions, a phone's and a desk's, share their pages). Random, so no data can contain it.
    let csrfStandIn = "csrf-" + SecretToken.generate()
    /// A page is some 4–25 KB; a node keeps at most this much of them.
    let budget: Int

    init(budget: Int = 8 << 20) {
        self.budget = budget
    }

    /// The page kept under `key` at `head` and `minute`, if any.
    func page(_ key: String, head: Int, minute: Date) -> Content? {
        state.withLock { state in
            state.generation == Generation(head: head, minute: minute) ? state.pages[key] : nil
        }
    }

    /// Keeps `content` under `key` at `head` and `minute`. A newer head or minute drops every page kept before it
    /// (no request asks for them again); an older one, from a request that read the head before a write, is not
    /// kept. Past the budget, the pages kept first go first.
    func keep(_ content: Content, as key: String, head: Int, minute: Date) {
        let generation = Generation(head: head, minute: minute)
        let size = content.markup.byteCount + content.title.utf8.count + key.utf8.count
        guard size <= budget else { return }
        state.withLock { state in
            if state.generation < generation {
                state = State(generation: generation)
            }
            guard state.generation == generation, state.pages[key] == nil else { return }
            state.pages[key] = content
            state.order.append(key)
            state.bytes += size
            while state.bytes > budget, !state.order.isEmpty {
                let first = state.order.removeFirst()
                if let gone = state.pages.removeValue(forKey: first) {
                    state.bytes -= gone.markup.byteCount + gone.title.utf8.count + first.utf8.count
                }
            }
        }
    }

    /// How many pages are kept now.
    var count: Int { state.withLock { $0.pages.count } }
}

extension Application {
    /// The node's kept pages, made when the routes are registered.
    var keptPages: KeptPages {
        get {
            guard let pages = storage[KeptPagesKey.self] else { fatalError("routes() makes the kept pages") }
            return pages
        }
        set { storage[KeptPagesKey.self] = newValue }
    }

    private struct KeptPagesKey: StorageKey {
        typealias Value = KeptPages
    }
}

extension Request {
    /// A signed-in page whose content this node keeps (see `KeptPages`): `build` reads and checks what the page
    /// shows only when the same person has not had this address rendered at the current head and minute. It is
    /// given that head, read before anything else, for work of its own kept under the head (oversight's cover).
    func keptPage(_ build: (_ head: Int) async throws -> KeptPages.Build) async throws -> Response {
        let pages = application.keptPages
        let minute = VietnamTime.minute(of: application.clock.now())
        let head = try await AuditTrail.head(on: db).seq
        let lang = pageLanguage
        let key = [auth.get(Principal.self)?.id.uuidString ?? "-", lang.rawValue, url.string].joined(separator: " ")
        let content: KeptPages.Content
        if let kept = pages.page(key, head: head, minute: minute) {
            content = kept
        } else {
            let built = try await build(head)
            var context = pageContext
            context.csrf = pages.csrfStandIn
            content = .init(title: built.title, markup: RenderedMarkup(built.content(context), holes: context.csrf))
            pages.keep(content, as: key, head: head, minute: minute)
        }
        return page(content.title) { _ in Markup(content.markup, filling: csrfToken) }
    }
}
