import AnToanCore
import Fluent
import FluentSQL
import Foundation
import SQLKit

/// The two ways a query matches text by part of it, each written once for SQLite and PostgreSQL alike.
///
/// - A value starting with a prefix (an area path in a scope, a folded name) is a key range,
///   `column >= prefix AND column < prefix || U+10FFFF`: both databases walk an index for it, where SQLite's
///   case-insensitive `LIKE 'prefix%'` reads every row.
/// - A value containing a search text is a `LIKE` whose wildcards in the search are escaped, so that `%` or `_`
///   finds only names that contain them.
enum TextMatch {
    /// `column` starts with `prefix`, as a key range.
    static func hasPrefix(_ column: SQLQueryString, _ prefix: String) -> SQLQueryString {
        let range = Folding.prefixRange(prefix)
        return "(\(column) >= \(bind: range.lower) AND \(column) < \(bind: range.upper))"
    }

    /// `column` contains `text` anywhere, the text's own `%`, `_` and `\` taken literally.
    static func contains(_ column: SQLQueryString, _ text: String) -> SQLQueryString {
        "\(column) LIKE \(bind: "%" + escapeLike(text) + "%") ESCAPE '\\'"
    }

    /// The rows `scope` may read, in SQL (the twin of `QueryBuilder.within`), for a table that keeps its unit in
    /// `unit` and the unit's area path in `area`: all, an area's by the path's prefix, or one unit's.
    static func within(_ scope: Scope, unit: String, area: String) -> SQLQueryString {
        switch scope {
        case .everything: "1 = 1"
        case .area(let path): hasPrefix("\(unsafeRaw: area)", path.value)
        case .unit(let id, _): "\(unsafeRaw: unit) = \(bind: id)"
        }
    }

    /// `text` with the `LIKE` wildcards and the escape character escaped by `\`.
    static func escapeLike(_ text: String) -> String {
        var escaped = ""
        for character in text {
            if character == "\\" || character == "%" || character == "_" { escaped.append("\\") }
            escaped.append(character)
        }
        return escaped
    }
}

extension QueryBuilder {
    /// Rows whose `field` starts with `prefix` (a scope's area path): see `TextMatch.hasPrefix`.
    @discardableResult
    func filter<Field: QueryableProperty>(_ field: KeyPath<Model, Field>, hasPrefix prefix: String) -> Self
    where Field.Model == Model {
        filter(.sql(embed: TextMatch.hasPrefix(Self.column(field), prefix)))
    }

    /// The rows `scope` may read, for a model that keeps its unit and the unit's area path: all of them, those of
    /// the units in an area (by the path's prefix, no join), or one unit's.
    @discardableResult
    func within(
        _ scope: Scope,
        unit: KeyPath<Model, FieldProperty<Model, UUID>>,
        area: KeyPath<Model, FieldProperty<Model, String>>
    ) -> Self {
        switch scope {
        case .everything: return self
        case .area(let path): return filter(area, hasPrefix: path.value)
        case .unit(let id, _): return filter(unit == id)
        }
    }

    /// Rows whose `field` contains `text`, wildcards taken literally: see `TextMatch.contains`.
    @discardableResult
    func filter<Field: QueryableProperty>(_ field: KeyPath<Model, Field>, containing text: String) -> Self
    where Field.Model == Model {
        filter(.sql(embed: TextMatch.contains(Self.column(field), text)))
    }

    private static func column<Field: QueryableProperty>(_ field: KeyPath<Model, Field>) -> SQLQueryString
    where Field.Model == Model {
        let name = Model.path(for: field).map(\.description).joined(separator: "_")
        return "\(ident: Model.schemaOrAlias).\(ident: name)"
    }
}
