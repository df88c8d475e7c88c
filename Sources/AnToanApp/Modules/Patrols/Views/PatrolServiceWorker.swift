/// The service worker of the scan pages (PAT-2, item 4), served at `/sw.js` so that it controls `/p/…`. Online it
/// does nothing. When opening a checkpoint's link fails for want of a network, it keeps the scan (the link, the
/// phone's time and a sequence number from IndexedDB's key generator, which never goes back) and shows the copy
/// of `/patrols/offline` it took when it was installed. The page's script (`Script.js`, `data-patrol`) sends the
/// kept scans to `/patrols/sync` when the network is back.
///
/// It also keeps the gate's roll-call (GATE-2) for an emergency without network: each time `/gate/inside` is opened
/// online its copy is kept, and offline the copy is shown (the page says at what time its list was taken). Pages
/// with `data-offline` register it (the gate's desk and the roll-call).
enum PatrolServiceWorker {
    static let js = """
        "use strict";
        var CACHE = "antoan-patrol-v2";
        var OFFLINE = "/patrols/offline";
        var ROLL_CALL = "/gate/inside";
        self.addEventListener("install", function (event) {
          event.waitUntil(caches.open(CACHE).then(function (cache) {
            return cache.addAll([OFFLINE, "/static/app.css", "/static/print.css", "/static/app.js"]);
          }).then(function () { return self.skipWaiting(); }));
        });
        self.addEventListener("activate", function (event) { event.waitUntil(self.clients.claim()); });
        function openStore() {
          return new Promise(function (resolve, reject) {
            var request = indexedDB.open("antoan-patrol", 1);
            request.onupgradeneeded = function () { request.result.createObjectStore("scans", { autoIncrement: true }); };
            request.onsuccess = function () { resolve(request.result); };
            request.onerror = function () { reject(request.error); };
          });
        }
        function keep(url) {
          return openStore().then(function (db) {
            return new Promise(function (resolve, reject) {
              var tx = db.transaction("scans", "readwrite");
              tx.objectStore("scans").add({ token: url.pathname.slice(3) + url.search, scanned_at: new Date().toISOString() });
              tx.oncomplete = function () { resolve(); };
              tx.onerror = function () { reject(tx.error); };
            });
          });
        }
        self.addEventListener("fetch", function (event) {
          var url = new URL(event.request.url);
          if (event.request.method !== "GET" || url.origin !== self.location.origin) { return; }
          if (event.request.mode === "navigate" && url.pathname.indexOf("/p/") === 0) {
            event.respondWith(fetch(event.request).catch(function () {
              return keep(url).then(function () { return caches.match(OFFLINE); });
            }));
          } else if (event.request.mode === "navigate" && url.pathname === ROLL_CALL) {
            event.respondWith(fetch(event.request).then(function (response) {
              if (response.ok) {
                var copy = response.clone();
                caches.open(CACHE).then(function (cache) { return cache.put(ROLL_CALL, copy); });
              }
              return response;
            }).catch(function () {
              return caches.match(ROLL_CALL).then(function (kept) { return kept || Response.error(); });
            }));
          } else if (url.pathname === OFFLINE || url.pathname.indexOf("/static/") === 0) {
            event.respondWith(fetch(event.request).catch(function () {
              return caches.match(event.request, { ignoreSearch: true });
            }));
          }
        });
        """
}
