// "Reading the text…" beside a new file: ask the server every few seconds whether the job has
// read it, and say so in the same place (role="status" announces it to screen readers).
(function () {
  "use strict";
  var tags = document.querySelectorAll("[data-text-status]");
  Array.prototype.forEach.call(tags, function (tag) {
    var tries = 0;
    function ask() {
      tries += 1;
      fetch(tag.getAttribute("data-text-status"), { credentials: "same-origin" })
        .then(function (response) { return response.ok ? response.json() : null; })
        .then(function (state) {
          if (state && state.status !== "pending") {
            tag.textContent = state.label;
          } else if (tries < 40) {
            window.setTimeout(ask, 3000);
          }
        })
        .catch(function () { if (tries < 40) { window.setTimeout(ask, 3000); } });
    }
    window.setTimeout(ask, 2000);
  });
})();
