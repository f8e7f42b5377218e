// Loa live reload (serve mode only): reloads the page when it was rebuilt,
// swaps stylesheets in place when only CSS changed, and shows build errors
// over the page until the next good build.
(function () {
  "use strict";
  var overlay = null;
  function here() {
    var p = location.pathname;
    return p.endsWith("/index.html") ? p.slice(0, -"index.html".length) : p;
  }
  function showError(text) {
    if (!overlay) {
      overlay = document.createElement("div");
      overlay.setAttribute("role", "alert");
      var s = overlay.style;
      s.position = "fixed"; s.inset = "0"; s.zIndex = "2147483647"; s.overflow = "auto";
      s.background = "rgba(20,20,20,.94)"; s.color = "#fff"; s.padding = "1.5rem";
      s.font = "15px/1.5 ui-monospace,Consolas,monospace"; s.whiteSpace = "pre-wrap";
      document.body.appendChild(overlay);
    }
    overlay.textContent = "Loa: the last change could not be built; the page shows the last good build.\n\n" + text;
  }
  function clearError() {
    if (overlay) { overlay.remove(); overlay = null; }
  }
  var es = new EventSource("/_loa/events");
  es.addEventListener("error-report", function (e) { showError(e.data); });
  es.addEventListener("ok", function () { clearError(); });
  es.addEventListener("reload", function (e) {
    var urls = JSON.parse(e.data);
    if (urls.indexOf("*") >= 0 || urls.indexOf(here()) >= 0) {
      location.reload();
    } else {
      clearError();
    }
  });
  es.addEventListener("css", function (e) {
    var hrefs = JSON.parse(e.data);
    document.querySelectorAll('link[rel="stylesheet"]').forEach(function (link) {
      var path = new URL(link.href).pathname;
      if (hrefs.indexOf(path) >= 0) { link.href = path + "?t=" + Date.now(); }
    });
    clearError();
  });
})();
