// Search page: keeps the query of ?q= in the search box.
(function () {
  "use strict";
  var q = new URLSearchParams(location.search).get("q") || "";
  var input = document.getElementById("q");
  if (input) { input.value = q; }
})();
