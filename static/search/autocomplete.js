// Offers completions of the last word typed in the search box, from records the user may open.
(function () {
  "use strict";
  var form = document.querySelector("form[data-autocomplete]");
  if (!form) { return; }
  var input = form.querySelector("input[name=q]");
  var list = document.getElementById("search-completions");
  var timer = null;

  function update() {
    var words = input.value.split(/\s+/);
    var last = words.pop();
    if (!last || last.length < 2 || /["*:()-]/.test(last)) { list.replaceChildren(); return; }
    fetch(form.dataset.autocomplete + "?q=" + encodeURIComponent(last), {credentials: "same-origin"})
      .then(function (response) { return response.ok ? response.json() : {completions: []}; })
      .then(function (data) {
        list.replaceChildren.apply(list, data.completions.map(function (word) {
          var option = document.createElement("option");
          option.value = words.concat([word]).join(" ");
          return option;
        }));
      })
      .catch(function () { list.replaceChildren(); });
  }

  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(update, 200);
  });
})();
