/// The site's one script, served as a file: the Content-Security-Policy allows no inline script or `on*` attribute.
/// Behaviour hangs on `data-action`: a button with `data-action="print"` prints the page.
enum Script {
    static let js = """
        "use strict";
        document.addEventListener("click", function (event) {
          var target = event.target instanceof Element ? event.target.closest("[data-action]") : null;
          if (target && target.getAttribute("data-action") === "print") { window.print(); }
        });
        """
}
