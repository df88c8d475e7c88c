import Plot

// Plot's components that take a string, redeclared under the same names: inside AnToanApp these shadow Plot's, so
// `Paragraph(name)`, `Link(name, url:)` or `Input(value:)` in a view escape what they are given. `Plot.Name` would
// bypass them; `EscapingTests` fails when any file but this one and HTMLEscaping.swift writes it.

/// A component that reads nothing from Plot's environment. Plot hands each component its environment by
/// reflecting over its stored properties, and a `Mirror` demangles the type of every property it shows: that
/// was a third of the CPU of a roster page. These components show Plot no properties, so it has nothing to walk.
protocol PlainComponent: Component, CustomReflectable {}

extension PlainComponent {
    var customMirror: Mirror { Mirror(self, children: [:]) }
}

// Plot's own group (what every `{ … }` of a view builds) holds only its members.
extension ComponentGroup: @retroactive CustomReflectable {
    public var customMirror: Mirror { Mirror(self, children: [:]) }
}

/// Text, escaped: what the user typed is what the reader sees.
struct Text: PlainComponent {
    var string: String

    init(_ string: String) {
        self.string = string
    }

    // Plot reflects over every component that is not a node, to hand it its environment (a `Mirror` per
    // component, most of a page's rendering): the components here answer with a node at once.
    var body: any Component {
        // Escaped here, so Plot need not scan it again (its escaping leaves entities as they are).
        Node<HTML.BodyContext>.raw(HTMLEscaping.escape(string))
    }
}

/// An attribute a component writes on its own element (see `OwnAttributes`), its value escaped.
struct OwnAttribute {
    var name: String
    var value: String?
    var replaceExisting: Bool
    var ignoreIfEmpty: Bool

    func attribute<Context>(_: Context.Type = Context.self) -> Attribute<Context> {
        Attribute(name: name, value: value, replaceExisting: replaceExisting, ignoreIfValueIsEmpty: ignoreIfEmpty)
    }

    func node<Context>() -> Node<Context> {
        .attribute(attribute())
    }
}

/// A component of one element that takes `.class(x)`, `.id(x)` and `.attribute(named:value:)` (HTMLEscaping.swift)
/// onto that element itself. Plot would wrap it in a `ModifiedComponent`, over which it reflects with a `Mirror` at
/// every render: most of the cost of a page's cells. The attributes come after the element's own, as Plot adds a
/// modifier's.
protocol OwnAttributes: PlainComponent {
    var ownAttributes: [OwnAttribute] { get set }
}

extension OwnAttributes {
    func adding(_ attribute: OwnAttribute) -> Self {
        var copy = self
        copy.ownAttributes.append(attribute)
        return copy
    }

    /// The attributes as nodes of the element's context.
    func ownAttributeNodes<Context>() -> Node<Context> {
        .group(ownAttributes.map { $0.node() })
    }
}

/// One of Plot's plain elements (`p`, `h1`, `td` …), whose `init(_ text:)` escapes.
struct Tag<Definition: ElementDefinition>: ComponentContainer, OwnAttributes {
    @ComponentBuilder var content: ContentProvider
    var ownAttributes: [OwnAttribute] = []

    init(@ComponentBuilder content: @escaping ContentProvider) {
        self.content = content
    }

    init(_ text: String) {
        self.init { Text(text) }
    }

    @available(*, unavailable, message: "raw HTML is never written; pass the text")
    init(html: String) {
        self.init {}
    }

    var body: any Component {
        Definition.wrapper(.component(content()), ownAttributeNodes())
    }
}

typealias Article = Tag<ElementDefinitions.Article>
typealias Aside = Tag<ElementDefinitions.Aside>
typealias Button = Tag<ElementDefinitions.Button>
typealias Div = Tag<ElementDefinitions.Div>
typealias FieldSet = Tag<ElementDefinitions.FieldSet>
typealias Footer = Tag<ElementDefinitions.Footer>
typealias H1 = Tag<ElementDefinitions.H1>
typealias H2 = Tag<ElementDefinitions.H2>
typealias H3 = Tag<ElementDefinitions.H3>
typealias H4 = Tag<ElementDefinitions.H4>
typealias H5 = Tag<ElementDefinitions.H5>
typealias H6 = Tag<ElementDefinitions.H6>
typealias Header = Tag<ElementDefinitions.Header>
typealias ListItem = Tag<ElementDefinitions.ListItem>
typealias Navigation = Tag<ElementDefinitions.Navigation>
typealias Paragraph = Tag<ElementDefinitions.Paragraph>
typealias Span = Tag<ElementDefinitions.Span>
typealias TableCaption = Tag<ElementDefinitions.TableCaption>
typealias TableCell = Tag<ElementDefinitions.TableCell>
typealias TableHeaderCell = Tag<ElementDefinitions.TableHeaderCell>

/// `<label>`, its text escaped.
struct Label: PlainComponent {
    var text: String
    @ComponentBuilder var content: ContentProvider

    init(_ text: String, @ComponentBuilder content: @escaping ContentProvider) {
        self.text = text
        self.content = content
    }

    var body: any Component {
        Plot.Label(Plot.Text(HTMLEscaping.escape(text)), content: content)
    }
}

/// `<a href>`, the address and the text escaped.
struct Link: OwnAttributes {
    var url: String
    @ComponentBuilder var label: ContentProvider
    var ownAttributes: [OwnAttribute] = []

    init(url: String, @ComponentBuilder label: @escaping ContentProvider) {
        self.url = url
        self.label = label
    }

    init(_ label: String, url: String) {
        self.init(url: url) { Text(label) }
    }

    var body: any Component {
        Node<HTML.BodyContext>.a(.href(HTMLEscaping.escape(url)), .component(label()), ownAttributeNodes())
    }
}

/// `<input>`, its name, value and placeholder escaped.
struct Input: PlainComponent {
    var type: HTMLInputType
    var name: String?
    var value: String?
    var isRequired = false
    var placeholder: String?

    var body: any Component {
        Plot.Input(
            type: type,
            name: name.map(HTMLEscaping.escape),
            value: value.map(HTMLEscaping.escape),
            isRequired: isRequired,
            placeholder: placeholder.map(HTMLEscaping.escape)
        )
    }
}

/// `<form>`, its action escaped.
struct Form: PlainComponent {
    var url: String
    var method: HTMLFormMethod?
    var contentType: HTMLFormContentType?
    @ComponentBuilder var content: ContentProvider

    init(
        url: String,
        method: HTMLFormMethod? = nil,
        contentType: HTMLFormContentType? = nil,
        @ComponentBuilder content: @escaping ContentProvider
    ) {
        self.url = url
        self.method = method
        self.contentType = contentType
        self.content = content
    }

    var body: any Component {
        Plot.Form(url: HTMLEscaping.escape(url), method: method, contentType: contentType, content: content)
    }
}

/// `<ul>` of items; a list of strings is escaped like any text.
struct List<Items: Sequence>: PlainComponent {
    var items: Items
    var content: (Items.Element) -> any Component

    init(_ items: Items, content: @escaping (Items.Element) -> any Component) {
        self.items = items
        self.content = content
    }

    init(_ items: Items) where Items.Element == String {
        self.init(items) { Text($0) }
    }

    var body: any Component {
        Plot.List(items, content: content)
    }
}
