import Testing

@testable import AnToanApp

/// The markup a roster grid is written with escapes like every component does.
@Suite("Markup")
struct MarkupTests {
    @Test("every attribute value and text is escaped; names are the literals given")
    func escapes() {
        let html = Markup { markup in
            markup.open("td")
            markup.element("a", ["class": "chip", "href": #"/x?a=1&b="2""#], text: "<script>alert('x')</script>")
            markup.close("td")
        }
        .render()
        #expect(
            html
                == #"<td><a class="chip" href="/x?a=1&amp;b=&quot;2&quot;">&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;</a></td>"#
        )
    }

    @Test("a list table's cell carries its column's header, escaped, and a class only when it has one")
    func cells() {
        let html = Markup { markup in
            markup.cell("Tên \"x\"", text: "<b>")
            markup.cell("Số", class: "attention", text: "3")
        }
        .render()
        #expect(
            html == #"<td data-label="Tên &quot;x&quot;">&lt;b&gt;</td><td data-label="Số" class="attention">3</td>"#
        )
    }

    @Test("a class or attribute set on a tag or link lands on its own element, escaped, classes joined")
    func ownAttributes() {
        let paragraph = Paragraph("a & b").class("x").class(#"y" onclick="z"#).attribute(
            named: "role",
            value: "<r>"
        )
        .render()
        #expect(paragraph == #"<p class="x y&quot; onclick=&quot;z" role="&lt;r&gt;">a &amp; b</p>"#)
        let link = Link("Mở", url: "/a?b=1&c=2").id("go").attribute(named: "aria-current", value: "")
        #expect(link.render() == #"<a href="/a?b=1&amp;c=2" id="go">Mở</a>"#)
        let cell = TableCell { Span("1").class("") }.attribute(named: "data-label", value: "Đơn vị")
            .render()
        #expect(cell == #"<td data-label="Đơn vị"><span>1</span></td>"#)
    }
}
