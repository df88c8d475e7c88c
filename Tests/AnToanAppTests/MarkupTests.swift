import Plot
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
}
