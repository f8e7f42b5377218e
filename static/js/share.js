// Share and copy-link buttons: shown only where the browser can do it.
(function () {
  "use strict";
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
})();
