import Foundation
import Testing

@testable import AnToanApp

/// What an attacker types, and how it must reach the page: as inert text that reads back literally.
struct Payload: CustomTestStringConvertible, Sendable {
    var typed: String
    var escaped: String

    var testDescription: String { typed }

    /// Each starts with its own tag, so that a page showing several of them is read one at a time.
    static let all = [
        Payload(typed: #"P1"><script>alert(1)</script>"#, escaped: "P1&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"),
        Payload(typed: "P2' autofocus onfocus=alert(1) x='", escaped: "P2&#39; autofocus onfocus=alert(1) x=&#39;"),
        Payload(typed: "P3&quot;", escaped: "P3&amp;quot;"),
    ]

    /// No live script, no attribute or entity of the attacker's, and the typed text is there, escaped.
    func expectInert(_ html: String, _ place: String, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(!html.contains("<script>"), "\(place): a live <script>", sourceLocation: sourceLocation)
        #expect(!html.contains(typed), "\(place): \(typed) written as it is", sourceLocation: sourceLocation)
        #expect(html.contains(escaped), "\(place): \(escaped) missing in \(html)", sourceLocation: sourceLocation)
    }
}

/// Every component escapes every value it writes, and the source tree cannot go around them.
@Suite("Escaping")
struct EscapingTests {
    @Test("every component escapes its text and attribute values", arguments: Payload.all)
    func components(payload: Payload) {
        // given
        let typed = payload.typed
        // when
        let rendered: [(String, String)] = [
            ("Text", Text(typed).render()),
            ("Paragraph", Paragraph(typed).render()),
            ("TableCell", TableCell(typed).render()),
            ("Button", Button(typed).render()),
            ("Label", Label(typed) {}.render()),
            ("Link text", Link(typed, url: "/units").render()),
            ("Link url", Link(url: "/units?q=" + typed) { Text("x") }.render()),
            ("Input value", Input(type: .text, name: "q", value: typed).render()),
            ("Input placeholder", Input(type: .text, name: "q", placeholder: typed).render()),
            ("Form", Form(url: "/units?q=" + typed, method: .get) {}.render()),
            ("List", List([typed]).render()),
            ("El attribute", El("div", ["title": typed]) {}.render()),
            ("El void", El("meta", ["content": typed]) {}.render()),
            ("class", Div {}.class(typed).render()),
            ("id", Div {}.id(typed).render()),
            ("attribute", Div {}.attribute(named: "title", value: typed).render()),
            ("accessibilityLabel", Div {}.accessibilityLabel(typed).render()),
            ("data", Div {}.data(named: "x", value: typed).render()),
            ("FormField value", FormField(name: "q", label: "Tên", value: typed).render()),
            ("FormField label", FormField(name: "q", label: typed).render()),
            ("FormField error", FormField(name: "q", label: "Tên", error: typed).render()),
            (
                "SelectField option",
                SelectField(name: "s", label: "Loại", options: [(typed, "x")], selected: typed).render()
            ),
            (
                "SelectField label",
                SelectField(name: "s", label: typed, options: [("a", typed)], selected: "a", error: typed).render()
            ),
            ("PostForm", PostForm(url: .units, csrf: typed) {}.render()),
            ("SearchForm", SearchForm(url: .units, label: "Tìm", value: typed, lang: .vi).render()),
            ("DataTable", DataTable(headers: [typed]) {}.render()),
            ("DateLabel", DateLabel(iso: typed, .vi).render()),
            ("document", HTMLDocument.render(lang: .vi, title: typed, stylesheet: .stylesheet) { Text("x") }),
        ]
        // then
        for (component, html) in rendered {
            payload.expectInert(html, component)
        }
    }

    @Test("the five characters become entities; text without them is given back as it is")
    func escapeFunction() {
        #expect(HTMLEscaping.escape(#"Lê & "Tư" <b>'x'"#) == "Lê &amp; &quot;Tư&quot; &lt;b&gt;&#39;x&#39;")
        #expect(HTMLEscaping.escape("Nguyễn Văn Đức") == "Nguyễn Văn Đức")
    }

    @Test("an attribute value reads back as typed, not broken out of its quotes")
    func attributeStaysInQuotes() {
        let html = Input(type: .text, name: "q", value: "' autofocus onfocus=alert(1) x='").render()
        #expect(html == #"<input type="text" name="q" value="&#39; autofocus onfocus=alert(1) x=&#39;"/>"#, "\(html)")
    }

    @Test("no file writes HTML around the escaping components")
    func sourceRule() throws {
        // given
        let root = Self.sources.appendingPathComponent("AnToanApp")
        let enumerator = try #require(FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil))
        var checked = 0
        // when
        var violations: [String] = []
        for case let file as URL in enumerator
        where file.pathExtension == "swift" && !Self.escapingFiles.contains(file.lastPathComponent) {
            checked += 1
            let lines = try String(contentsOf: file, encoding: .utf8).components(separatedBy: "\n")
            for (index, line) in lines.enumerated() where Self.bypassesEscaping(line) {
                violations.append(
                    "\(file.lastPathComponent):\(index + 1): \(line.trimmingCharacters(in: .whitespaces))"
                )
            }
        }
        // then
        #expect(checked > 100)
        #expect(
            violations.isEmpty,
            "write HTML only through Shared/Views/HTMLEscaping.swift and HTMLElements.swift:\n\(violations.joined(separator: "\n"))"
        )
    }

    @Test("the rule catches each way around the escaping, and lets the components pass")
    func ruleExamples() {
        #expect(Self.bypassesEscaping(#"Plot.Paragraph(name)"#))
        #expect(Self.bypassesEscaping(#"Node<HTML.BodyContext>.raw(text)"#))
        #expect(Self.bypassesEscaping(#"HTML(.body(.text(name)))"#))
        #expect(Self.bypassesEscaping(#"Div {}.attribute(Attribute<Any>(name: "title", value: name))"#))
        #expect(Self.bypassesEscaping(#"Paragraph(html: note)"#))
        #expect(Self.bypassesEscaping(#"Div {}.attribute(named: name, value: "x")"#))
        #expect(Self.bypassesEscaping(#"El(tag, ["class": "x"]) {}"#))
        #expect(Self.bypassesEscaping(#"Element(name: tag) {}"#))
        #expect(Self.bypassesEscaping(#"Button("In").attribute(named: "onclick", value: "window.print()")"#))
        #expect(Self.bypassesEscaping(#"El("ul", ["style": "padding:0"]) {}"#))
        #expect(Self.bypassesEscaping(#"TextArea(text: note, name: "note")"#))
        #expect(Self.bypassesEscaping(#"ElementComponent<ElementDefinitions.Paragraph>(name)"#))
        #expect(!Self.bypassesEscaping(#"Paragraph(model.name).class("muted").attribute(named: "role", value: role)"#))
        #expect(!Self.bypassesEscaping(#"El("select", ["name": name, "id": name]) {"#))
        #expect(!Self.bypassesEscaping(#"/// `Plot.Text` lets entities through"#))
    }

    /// The two files that turn strings into HTML; every other file goes through them.
    static let escapingFiles: Set = ["HTMLEscaping.swift", "HTMLElements.swift"]

    /// Plot reached by its own name, its node DSL (raw, text, element, attribute), raw HTML, an attribute or
    /// element name that is not a literal, a style or `on…` attribute (refused by the CSP), or one of Plot's
    /// string-taking components that has no escaping twin. Comments do not count.
    static func bypassesEscaping(_ line: String) -> Bool {
        let code = line.trimmingCharacters(in: .whitespaces)
        if code.hasPrefix("//") { return false }
        return bypass.firstMatch(in: code, range: NSRange(code.startIndex..., in: code)) != nil
    }

    // One expression, compiled once: Swift's `Regex` takes seconds over the whole tree.
    private static let bypass = try! NSRegularExpression(
        pattern: [
            #"\bPlot\.|\bNode\b|\bHTML\(|\bAttribute\b|\bhtml:"#,
            #"\.attribute\(named: [^"]|\bEl\([^"]|\bElement\(name:"#,
            #""style"|\.style\(|named: "on[a-z]+"|"on[a-z]+":"#,
            #"\b(TextArea|TextField|Image|SubmitButton|IFrame|AudioPlayer|VideoPlayer)\("#,
            #"\b(ElementComponent|ElementDefinitions)\b"#,
        ].joined(separator: "|")
    )

    /// `Sources/`, found from this file.
    static let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Sources")
}
