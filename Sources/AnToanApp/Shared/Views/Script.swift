/// The site's one script, served as a file: the Content-Security-Policy allows no inline script or `on*` attribute.
/// Behaviour hangs on `data-action`: a button with `data-action="print"` prints the page; one with
/// `data-action="copy"` copies the value of the field named by `data-target` (the field stays selectable without
/// the script). The main menu opens by itself on a wide screen; a page restored from the back-forward cache is
/// asked for again, so Back after signing out never shows the last page's data.
///
/// Live pages (progressive enhancement: without the script they are right on reload). A page is live when one
/// element carries `data-live` with the event types it shows, separated by spaces, e.g.
/// `data-live="incident.reported incident.acknowledged incident.escalated incident.updated"` (EventSource hears
/// only the types it names). The script then opens `EventSource("/events?after=N")`, N being the layout's
/// `data-events-after` on `main` (the browser then resumes by itself with `Last-Event-ID`) and, on one of those events, either replaces the element's content with the same element of a
/// fresh copy of the page, when the element also carries `data-live-region` and an `id` (and holds no field being
/// typed in), or shows a polite banner "Có cập nhật mới — Tải lại" at the top of `main`. On every live page the
/// navigation's count of unread notifications (`#unread-count`) follows `notification.created` and
/// `notification.read`.
///
/// Pages kept for use offline (`data-offline` on an element: the gate's desk and roll-call) register the service
/// worker, and offline show their `data-offline-note` elements.
/// Patrol pages (`data-patrol` on an element) register the service worker that keeps scans made offline
/// (`PatrolServiceWorker`), and send the kept scans to `/patrols/sync` whenever the network is there: at load and
/// on `online`. What came of them is written into `#patrol-sync`. A scan page with `#scan-position` (a form with
/// its token) sends the phone's position once, if the phone gives it, and shows the distance in `#scan-distance`.
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
        (function () {
          var live = document.querySelector("[data-live]");
          if (!live || !window.EventSource) { return; }
          var english = document.documentElement.lang === "en";
          var banner = null;
          var notify = function () {
            var main = document.getElementById("main");
            if (banner || !main) { return; }
            banner = document.createElement("div");
            banner.className = "live-banner";
            banner.setAttribute("role", "status");
            banner.appendChild(document.createTextNode(english ? "There is an update." : "Có cập nhật mới."));
            var reload = document.createElement("button");
            reload.type = "button";
            reload.className = "secondary";
            reload.textContent = english ? "Reload" : "Tải lại";
            reload.addEventListener("click", function () { window.location.reload(); });
            banner.appendChild(reload);
            main.insertBefore(banner, main.firstChild);
          };
          var refresh = function () {
            if (!live.hasAttribute("data-live-region") || !live.id || live.contains(document.activeElement)) {
              notify();
              return;
            }
            fetch(window.location.href, { credentials: "same-origin" })
              .then(function (response) { return response.ok ? response.text() : Promise.reject(response.status); })
              .then(function (html) {
                var fresh = new DOMParser().parseFromString(html, "text/html").getElementById(live.id);
                if (fresh) { live.replaceChildren.apply(live, Array.prototype.slice.call(fresh.childNodes)); }
                else { notify(); }
              })
              .catch(notify);
          };
          var count = function (event) {
            var badge = document.getElementById("unread-count");
            var unread;
            try { unread = JSON.parse(event.data).unread; } catch (error) { return; }
            if (!badge || typeof unread !== "number") { return; }
            badge.textContent = String(unread);
            badge.className = unread > 0 ? "unread" : "unread none";
          };
          // Resume after the last event the server had sent out when it read this page's data.
          var after = document.getElementById("main").getAttribute("data-events-after");
          var source = new EventSource("/events" + (after ? "?after=" + after : ""));
          source.addEventListener("open", function () { live.setAttribute("data-live-open", "true"); });
          source.addEventListener("notification.created", count);
          source.addEventListener("notification.read", count);
          (live.getAttribute("data-live") || "").split(" ").forEach(function (type) {
            if (type) { source.addEventListener(type, refresh); }
          });
          window.addEventListener("pagehide", function () { source.close(); });
        })();
        (function () {
          if (!document.querySelector("[data-offline]") || !("serviceWorker" in navigator)) { return; }
          navigator.serviceWorker.register("/sw.js").catch(function () {});
          if (!navigator.onLine) {
            document.querySelectorAll("[data-offline-note]").forEach(function (note) { note.hidden = false; });
          }
        })();
        (function () {
          var patrol = document.querySelector("[data-patrol]");
          if (!patrol || !window.indexedDB) { return; }
          if ("serviceWorker" in navigator) { navigator.serviceWorker.register("/sw.js").catch(function () {}); }
          var english = document.documentElement.lang === "en";
          var status = document.getElementById("patrol-sync");
          var say = function (text) { if (status) { status.textContent = text; } };
          var device = localStorage.getItem("antoan-device");
          if (!device) {
            device = Array.prototype.map.call(crypto.getRandomValues(new Uint8Array(16)), function (b) {
              return (b + 256).toString(16).slice(1);
            }).join("");
            localStorage.setItem("antoan-device", device);
          }
          var open = function () {
            return new Promise(function (resolve, reject) {
              var request = indexedDB.open("antoan-patrol", 1);
              request.onupgradeneeded = function () { request.result.createObjectStore("scans", { autoIncrement: true }); };
              request.onsuccess = function () { resolve(request.result); };
              request.onerror = function () { reject(request.error); };
            });
          };
          var kept = function (db) {
            return new Promise(function (resolve, reject) {
              var items = [];
              var cursor = db.transaction("scans").objectStore("scans").openCursor();
              cursor.onsuccess = function () {
                var at = cursor.result;
                if (!at) { resolve(items); return; }
                items.push({ token: at.value.token, scanned_at: at.value.scanned_at, sequence: at.key });
                at.continue();
              };
              cursor.onerror = function () { reject(cursor.error); };
            });
          };
          var forget = function (db, keys) {
            return new Promise(function (resolve) {
              var tx = db.transaction("scans", "readwrite");
              keys.forEach(function (key) { tx.objectStore("scans").delete(key); });
              tx.oncomplete = function () { resolve(); };
              tx.onerror = function () { resolve(); };
            });
          };
          var sending = false;
          var flush = function () {
            if (sending || !navigator.onLine) { return; }
            sending = true;
            open().then(function (db) {
              return kept(db).then(function (items) {
                if (!items.length) { return; }
                say(english ? "Sending " + items.length + " kept scan(s)…" : "Đang gửi " + items.length + " lượt quét đã lưu…");
                return fetch("/patrols/sync", { credentials: "same-origin" })
                  .then(function (response) { return response.ok ? response.json() : Promise.reject(response.status); })
                  .then(function (token) {
                    return fetch("/patrols/sync", {
                      method: "POST", credentials: "same-origin", headers: { "Content-Type": "application/json" },
                      body: JSON.stringify({ _csrf: token.csrf, device: device, sent_at: new Date().toISOString(), scans: items })
                    });
                  })
                  .then(function (response) { return response.ok ? response.json() : Promise.reject(response.status); })
                  .then(function (answer) {
                    var accepted = answer.results.filter(function (r) { return r.status !== "refused"; }).length;
                    var refused = answer.results.filter(function (r) { return r.status === "refused"; });
                    return forget(db, items.map(function (item) { return item.sequence; })).then(function () {
                      var text = english ? "Sent: " + accepted + " scan(s) recorded." : "Đã gửi: ghi nhận " + accepted + " lượt quét.";
                      refused.forEach(function (r) { text += " " + (r.checkpoint_name || "") + ": " + (r.reason || ""); });
                      say(text);
                      patrol.setAttribute("data-patrol-synced", String(answer.results.length));
                    });
                  });
              });
            }).catch(function () {
              say(english ? "Could not send the kept scans yet; they stay on this phone." : "Chưa gửi được; các lượt quét vẫn được giữ trên điện thoại.");
            }).then(function () { sending = false; });
          };
          window.addEventListener("online", flush);
          flush();
          var locate = document.getElementById("scan-position");
          if (locate && navigator.geolocation) {
            navigator.geolocation.getCurrentPosition(function (where) {
              var body = new URLSearchParams(new FormData(locate));
              body.set("latitude", String(where.coords.latitude));
              body.set("longitude", String(where.coords.longitude));
              fetch(locate.action, { method: "POST", credentials: "same-origin", body: body })
                .then(function (response) { return response.ok ? response.json() : Promise.reject(response.status); })
                .then(function (answer) {
                  var out = document.getElementById("scan-distance");
                  if (out) { out.textContent = [answer.distance, answer.flags].filter(Boolean).join(" · "); }
                }).catch(function () {});
            }, function () {}, { enableHighAccuracy: true, timeout: 15000, maximumAge: 30000 });
          }
        })();
        """
}
