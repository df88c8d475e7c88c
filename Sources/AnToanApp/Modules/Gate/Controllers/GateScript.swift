/// The check-in form's script, served as a file (the Content-Security-Policy allows no inline script). What a chip
/// card's QR code holds (number|old number|name|ddMMyyyy birth|sex|address|ddMMyyyy issue) fills the form: typed
/// into the "QR code" field by a desk scanner (which ends with Enter: that fills instead of sending), or read by
/// the phone's camera through the browser's BarcodeDetector where there is one; the scan button stays hidden
/// elsewhere, and the fields are typed. The server reads the same field again (`CCCDQR`), so the form works with
/// no script at all.
enum GateScript {
    static let js = """
        "use strict";
        (function () {
          var scan = document.getElementById("gate-scan");
          var code = document.getElementById("visit-card_code");
          var form = code ? code.form : null;
          if (!form) { return; }
          var english = document.documentElement.lang === "en";
          var set = function (name, value) {
            var field = form.elements[name];
            if (field && value) { field.value = value; }
          };
          var fill = function (text) {
            var parts = (text || "").trim().split("|");
            if (parts.length < 7 || !/^[0-9]{12}$/.test(parts[0])) { return false; }
            set("document_type", "cccd");
            set("document_number", parts[0]);
            set("full_name", parts[2].replace(/\\s+/g, " ").trim());
            if (/^[0-9]{8}$/.test(parts[3])) {
              set("birth_date", parts[3].slice(0, 2) + "/" + parts[3].slice(2, 4) + "/" + parts[3].slice(4));
            }
            code.value = text.trim();
            var purpose = form.elements["purpose"];
            if (purpose && !purpose.value) { purpose.focus(); }
            return true;
          };
          code.addEventListener("keydown", function (event) {
            if (event.key === "Enter") { event.preventDefault(); fill(code.value); }
          });
          code.addEventListener("change", function () { fill(code.value); });
          if (!scan || !("BarcodeDetector" in window) || !navigator.mediaDevices) { return; }
          scan.hidden = false;
          var video = document.getElementById("gate-camera");
          var status = document.getElementById("gate-scan-status");
          var stream = null;
          var stop = function () {
            if (stream) { stream.getTracks().forEach(function (track) { track.stop(); }); }
            stream = null;
            video.hidden = true;
          };
          scan.addEventListener("click", function (event) {
            var button = event.target instanceof Element ? event.target.closest("[data-action=scan-card]") : null;
            if (!button || stream) { return; }
            var detector = new window.BarcodeDetector({ formats: ["qr_code"] });
            navigator.mediaDevices.getUserMedia({ video: { facingMode: "environment" } }).then(function (media) {
              stream = media;
              video.srcObject = media;
              video.hidden = false;
              video.play();
              status.textContent = english ? "Point the camera at the QR code on the back of the card." :
                "Đưa camera vào mã QR ở mặt sau thẻ.";
              var look = function () {
                if (!stream) { return; }
                detector.detect(video).then(function (codes) {
                  var found = codes.some(function (one) { return fill(one.rawValue); });
                  if (found) {
                    stop();
                    status.textContent = english ? "Filled from the card." : "Đã điền từ thẻ.";
                  } else { window.setTimeout(look, 250); }
                }, function () { window.setTimeout(look, 500); });
              };
              look();
            }, function () {
              status.textContent = english ? "The camera cannot be used: type the fields." :
                "Không dùng được camera: hãy gõ thông tin.";
            });
          });
          window.addEventListener("pagehide", stop);
        })();
        """
}
