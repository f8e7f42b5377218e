// Site script, deferred on every page. Reading never needs it.
(function () {
  "use strict";
  // Share and copy-link buttons: shown only where the browser can do it.
  var status = document.querySelector(".share-status");
  function say(msg) { if (status) { status.textContent = msg; } }
  var share = document.querySelector("[data-share]");
  if (share && navigator.share) {
    share.hidden = false;
    share.addEventListener("click", function () {
      navigator.share({ title: document.title, url: location.href }).catch(function () {});
    });
  }
  var copy = document.querySelector("[data-copy]");
  if (copy && navigator.clipboard && window.isSecureContext) {
    copy.hidden = false;
    copy.addEventListener("click", function () {
      navigator.clipboard.writeText(copy.getAttribute("data-copy")).then(
        function () { say("Đã sao chép liên kết."); },
        function () { say("Không sao chép được liên kết."); });
    });
  }
  // Print buttons: shown only where the browser can print.
  Array.prototype.forEach.call(document.querySelectorAll("[data-print]"), function (b) {
    if (typeof window.print !== "function") { return; }
    b.hidden = false;
    b.addEventListener("click", function () { window.print(); });
  });
  // Printed links show their whole address (see @media print in site.css),
  // marked only when the page is printed, not on every load.
  window.addEventListener("beforeprint", function () {
    Array.prototype.forEach.call(document.querySelectorAll(".prose a[href]"), function (a) {
      if (/^https?:/.test(a.href) && a.getAttribute("href").charAt(0) !== "#") { a.setAttribute("data-href", a.href); }
    });
  });
  // The header search box loads the search client on first focus.
  var q = document.querySelector("input[data-search-src]");
  if (q && !document.querySelector("form[data-search]")) {
    q.addEventListener("focus", function () {
      if (window.LoaSearch) { return; } // already loaded: a second copy would wire the box twice
      var s = document.createElement("script");
      s.src = q.getAttribute("data-search-src");
      document.head.appendChild(s);
    }, { once: true });
  }
})();
