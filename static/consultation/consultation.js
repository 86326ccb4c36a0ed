// Progressive enhancement for the consultation page: selecting words in a section's
// text offers "Comment on this passage", which fills the comment form below with the
// section and the exact quote. Without JavaScript the form's section list does the job.
(function () {
  "use strict";
  var form = document.querySelector("#comment-form form");
  if (!form) { return; }
  var sectionField = form.querySelector("[name=section]");
  var quoteField = form.querySelector("[name=quote]");
  var bodyField = form.querySelector("[name=body]");
  var label = document.documentElement.lang === "en" ? "Comment on this passage" : "Kommentera det markerade stycket";
  var button = document.createElement("button");
  button.type = "button";
  button.className = "quote-button";
  button.textContent = label;
  button.hidden = true;
  var current = null;

  document.querySelectorAll(".js-only").forEach(function (el) { el.hidden = false; });

  function sectionOf(node) {
    var el = node && (node.nodeType === 1 ? node : node.parentElement);
    return el ? el.closest(".section-text") : null;
  }

  function onSelection() {
    var selection = window.getSelection();
    var text = selection ? selection.toString().replace(/\s+/g, " ").trim() : "";
    var section = selection && selection.rangeCount ? sectionOf(selection.anchorNode) : null;
    if (!text || !section || section !== sectionOf(selection.focusNode)) {
      return;
    }
    current = { anchor: section.dataset.anchor, quote: text };
    section.appendChild(button);
    button.hidden = false;
  }

  button.addEventListener("click", function () {
    if (!current) { return; }
    sectionField.value = current.anchor;
    quoteField.value = current.quote;
    button.hidden = true;
    form.scrollIntoView({ behavior: "smooth", block: "start" });
    bodyField.focus();
  });

  document.addEventListener("mouseup", function () { window.setTimeout(onSelection, 0); });
  document.addEventListener("keyup", function (event) {
    if (event.shiftKey) { onSelection(); }
  });

  // "Comment on this section" links fill the form instead of opening a new page.
  document.querySelectorAll(".comment-on-section").forEach(function (link) {
    link.addEventListener("click", function (event) {
      event.preventDefault();
      sectionField.value = link.dataset.anchor;
      quoteField.value = "";
      form.scrollIntoView({ block: "start" });
      bodyField.focus();
    });
  });
})();
