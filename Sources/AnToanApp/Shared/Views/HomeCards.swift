import Vapor

/// A card a module puts on the home page of the person signed in (the duty module: their shift today, the next
/// one and whom to call), so that the home page borrows from no module. Plain words; the home page formats it.
struct HomeCard: Sendable {
    struct Line: Sendable {
        var label: String
        var text: String
        /// A phone number to call from the line (a `tel:` link).
        var phone: String?
    }

    var id: String
    var title: String
    var lines: [Line]
    var action: (label: String, url: String)?
}

extension Application {
    typealias HomeCardSource = @Sendable (Request, Principal) async throws -> HomeCard?

    /// Where the home page's cards come from; modules add theirs in `routes`, before the server starts.
    var homeCards: [HomeCardSource] {
        get { storage[HomeCardsKey.self] ?? [] }
        set { storage[HomeCardsKey.self] = newValue }
    }

    private struct HomeCardsKey: StorageKey {
        typealias Value = [HomeCardSource]
    }
}
