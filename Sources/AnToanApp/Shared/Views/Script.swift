/// The site's one script, served as a file: the Content-Security-Policy allows no inline script or `on*` attribute.
/// Behaviour hangs on `data-action`: a button with `data-action="print"` prints the page; one with
/// `data-action="copy"` copies the value of the field named by `data-target` (the field stays selectable without
/// the script). The main menu opens by itself on a wide screen; a page restored from the back-forward cache is
/// asked for again, so Back after signing out never shows the last page's data.
enum Script {
    static let js = """
        "use strict";
        document.addEventListener("click", function (event) {
          var target = event.target instanceof Element ? event.target.closest("[data-action]") : null;
          if (!target) { return; }
          var action = target.getAttribute("data-action");
          if (action === "print") { window.print(); }
          if (action === "copy") {
            var field = document.getElementById(target.getAttribute("data-target") || "");
            if (!field) { return; }
            field.select();
            var done = function () { target.textContent = target.getAttribute("data-done") || target.textContent; };
            if (navigator.clipboard && window.isSecureContext) {
              navigator.clipboard.writeText(field.value).then(done, function () { document.execCommand("copy"); done(); });
            } else { document.execCommand("copy"); done(); }
          }
        });
        var menu = document.getElementById("menu");
        if (menu && window.matchMedia("(min-width: 900px)").matches) { menu.open = true; }
        window.addEventListener("pageshow", function (event) { if (event.persisted) { window.location.reload(); } });
        """
}
