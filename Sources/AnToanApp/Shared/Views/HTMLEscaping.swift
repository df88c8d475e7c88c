import Plot

/// The one place where a string becomes HTML. Plot 0.14 writes attribute values as they are and lets `&name;`
/// through in text, so every value is escaped here first; Plot then keeps the entities it is given.
enum HTMLEscaping {
    /// `& < > " '` as entities: inert in text and inside a quoted attribute value, and read back literally.
    static func escape(_ text: String) -> String {
        guard text.utf8.contains(where: { specials.contains($0) }) else { return text }
        var escaped = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": escaped.append(contentsOf: "&amp;".unicodeScalars)
            case "<": escaped.append(contentsOf: "&lt;".unicodeScalars)
            case ">": escaped.append(contentsOf: "&gt;".unicodeScalars)
            case "\"": escaped.append(contentsOf: "&quot;".unicodeScalars)
            case "'": escaped.append(contentsOf: "&#39;".unicodeScalars)
            default: escaped.append(scalar)
            }
        }
        return String(escaped)
    }

    /// Most strings on a page hold none of these, and are given back as they are.
    private static let specials: Set<UInt8> = Set("&<>\"'".utf8)
}

// The modifiers below have Plot's exact signatures. Declared in this module, they shadow Plot's inside AnToanApp,
// so `.class(x)`, `.id(x)` and `.attribute(named:value:)` in any view escape `x`. Attribute names are literals.
// A tag or link keeps them on its own element (`OwnAttributes`); any other component gets Plot's modifier.
extension Component {
    func attribute(
        named name: String,
        value: String?,
        replaceExisting: Bool = true,
        ignoreValueIfEmpty: Bool = true
    ) -> any Component {
        let own = OwnAttribute(
            name: name,
            value: value.map(HTMLEscaping.escape),
            replaceExisting: replaceExisting,
            ignoreIfEmpty: ignoreValueIfEmpty
        )
        if let element = self as? any OwnAttributes { return element.adding(own) }
        return attribute(own.attribute(Any.self))
    }

    func `class`(_ className: String, replaceExisting: Bool = false) -> any Component {
        attribute(named: "class", value: className, replaceExisting: replaceExisting)
    }

    func id(_ id: String) -> any Component {
        attribute(named: "id", value: id)
    }

    func accessibilityLabel(_ label: String) -> any Component {
        attribute(named: "aria-label", value: label)
    }

    func data(named name: String, value: String) -> any Component {
        attribute(named: "data-" + name, value: value)
    }

    @available(*, unavailable, message: "the Content-Security-Policy refuses style attributes: use a class")
    func style(_ css: String) -> any Component {
        self
    }
}

/// Any element by name, for the tags Plot has no component for (`main`, `select`, `dl` …); values are escaped.
/// Void elements (`meta`, `br` …) are written without content or end tag. An empty `value` is kept: an `<option>`
/// without one posts its label, so a "none" option would post "— none —" instead of the empty value meaning none.
struct El: PlainComponent {
    private static let voidElements: Set = ["br", "hr", "img", "input", "link", "meta"]

    var name: String
    var attributes: [String: String]
    @ComponentBuilder var content: ContentProvider
    /// The element's text, when that is all it holds: one node instead of a group of components, for the
    /// elements a page repeats hundreds of times (the people of a roster grid).
    private var text: String?

    init(_ name: String, _ attributes: [String: String] = [:], @ComponentBuilder content: @escaping ContentProvider) {
        self.name = name
        self.attributes = attributes
        self.content = content
    }

    init(_ name: String, _ attributes: [String: String] = [:], text: String) {
        self.init(name, attributes) {}
        self.text = text
    }

    var body: any Component {
        let escaped = attributes.sorted { $0.key < $1.key }.map {
            Attribute<HTML.BodyContext>(
                name: $0.key,
                value: HTMLEscaping.escape($0.value),
                ignoreIfValueIsEmpty: $0.key != "value"
            )
        }
        if Self.voidElements.contains(name) {
            return Node<HTML.BodyContext>.selfClosedElement(named: name, attributes: escaped)
        }
        let inner: Node<HTML.BodyContext> = text.map { .raw(HTMLEscaping.escape($0)) } ?? .component(content())
        return Node<HTML.BodyContext>.element(named: name, nodes: escaped.map(\.node) + [inner])
    }
}

/// Markup written straight into a string, for a table whose cells a page repeats hundreds of times (a month's
/// roster grid): the same escaping as every component, without Plot's work for each of them. Element and attribute
/// names are literals; every attribute value and every text is escaped here.
struct Markup: PlainComponent {
    private var html = ""

    init(_ write: (inout Markup) -> Void) {
        write(&self)
    }

    /// Markup rendered before, written again as it is with `value`, escaped, in each of its holes.
    init(_ rendered: RenderedMarkup, filling value: String) {
        self.html = rendered.pieces.joined(separator: HTMLEscaping.escape(value))
    }

    mutating func open(_ name: StaticString, _ attributes: KeyValuePairs<StaticString, String> = [:]) {
        html += "<\(name)"
        for (key, value) in attributes {
            html += " \(key)=\"\(HTMLEscaping.escape(value))\""
        }
        html += ">"
    }

    mutating func close(_ name: StaticString) {
        html += "</\(name)>"
    }

    mutating func text(_ text: String) {
        html += HTMLEscaping.escape(text)
    }

    /// An element holding only `text`.
    mutating func element(
        _ name: StaticString,
        _ attributes: KeyValuePairs<StaticString, String> = [:],
        text: String
    ) {
        open(name, attributes)
        self.text(text)
        close(name)
    }

    /// A list table's cell (see `DataTable`), labelled with its column's header for the card a phone stacks each
    /// row into; `className` only when not empty.
    mutating func cell(_ label: String, class className: String = "", _ write: (inout Markup) -> Void) {
        if className.isEmpty {
            open("td", ["data-label": label])
        } else {
            open("td", ["data-label": label, "class": className])
        }
        write(&self)
        close("td")
    }

    mutating func cell(_ label: String, class className: String = "", text: String) {
        cell(label, class: className) { $0.text(text) }
    }

    var body: any Component {
        Node<HTML.BodyContext>.raw(html)
    }
}

/// What a component rendered, kept to be written again as it is (a kept page's content), cut at its holes: each
/// place where the component wrote `holes` (a random word no data contains), for a value that each writing fills.
/// Only a component makes one, so everything in it went through the escaping above.
struct RenderedMarkup: Sendable {
    fileprivate let pieces: [String]

    init(_ component: any Component, holes: String? = nil) {
        let text = component.render()
        pieces = holes.map { text.components(separatedBy: $0) } ?? [text]
    }

    var byteCount: Int { pieces.reduce(0) { $0 + $1.utf8.count } }
}

/// A whole document: the one place a `<head>` is written. Styles and scripts are files (the CSP allows no inline).
enum HTMLDocument {
    static func render(
        lang: Language,
        title: String,
        stylesheet: SiteURL,
        scripts: [SiteURL] = [],
        @ComponentBuilder body: () -> any Component
    ) -> String {
        HTML(
            .attribute(named: "lang", value: lang.rawValue),
            .head(
                .meta(.charset(.utf8)),
                .meta(.name("viewport"), .content("width=device-width, initial-scale=1")),
                .element(named: "title", text: HTMLEscaping.escape(title)),
                .link(.rel(.stylesheet), .href(HTMLEscaping.escape(stylesheet.path))),
                .forEach(scripts) { script in
                    .element(
                        named: "script",
                        nodes: [
                            .attribute(named: "src", value: HTMLEscaping.escape(script.path)),
                            .attribute(named: "defer"),
                        ]
                    )
                }
            ),
            .body(.component(body()))
        )
        .render()
    }
}
