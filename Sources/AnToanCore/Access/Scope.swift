import Foundation

/// A path in the area tree, e.g. `/79/` for a province and `/79/26734/` for a commune in it.
public struct AreaPath: Hashable, Codable, Sendable, CustomStringConvertible {
    /// Always starts and ends with `/`, so that prefix tests never match a sibling (`/7/` vs `/79/`).
    public let value: String

    public init?(_ raw: String) {
        let segments = raw.split(separator: "/", omittingEmptySubsequences: true)
        guard !segments.isEmpty,
            segments.allSatisfy({ segment in
                segment.count <= 32 && segment.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }
            })
        else { return nil }
        self.value = "/" + segments.joined(separator: "/") + "/"
    }

    public var description: String { value }

    /// True when `other` is this area or lies below it.
    public func contains(_ other: AreaPath) -> Bool {
        other.value.hasPrefix(value)
    }
}

/// What an account may see: everything (administrators), an area subtree (authorities) or one unit.
public enum Scope: Hashable, Codable, Sendable {
    case everything
    case area(AreaPath)
    case unit(UUID, in: AreaPath)

    public enum Kind: String, Codable, Sendable {
        case everything
        case area
        case unit
    }

    public var kind: Kind {
        switch self {
        case .everything: .everything
        case .area: .area
        case .unit: .unit
        }
    }

    /// True when data that belongs to `other` is visible from this scope.
    public func covers(_ other: Scope) -> Bool {
        switch (self, other) {
        case (.everything, _): true
        case (.area, .everything), (.unit, .everything), (.unit, .area): false
        case (.area(let mine), .area(let theirs)): mine.contains(theirs)
        case (.area(let mine), .unit(_, let theirs)): mine.contains(theirs)
        case (.unit(let mine, _), .unit(let theirs, _)): mine == theirs
        }
    }
}
