/* The PDF and link index pages: a filter box that hides the rows of this page that do not
   match every typed word (accents ignored, so "hoering" finds "høring"); a row matches on
   the text it shows plus the keywords in its data-filter attribute. Long indexes are
   split into pages; the filter searches the page it is on. Without JavaScript every row shows. */
(function () {
  "use strict";
  var tools = document.querySelector("[data-index-tools]");
  if (!tools) return;
  var input = tools.querySelector("[data-filter-input]");
  var status = tools.querySelector("[data-filter-status]");
  var empty = document.querySelector("[data-filter-empty]");

  function fold(text) {
    return text.toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "")
      .replace(/ø/g, "o").replace(/æ/g, "ae").replace(/å/g, "a");
  }
  function apply() {
    var words = fold(input.value).split(/\s+/).filter(Boolean);
    var items = document.querySelectorAll("[data-filter]");
    var shown = 0;
    Array.prototype.forEach.call(items, function (item) {
      var text = item.getAttribute("data-folded");
      if (text === null) {
        // What the row shows, plus the words it does not show (kind, check state, file name).
        text = fold(item.getAttribute("data-filter") + " " + item.textContent.replace(/\s+/g, " "));
        item.setAttribute("data-folded", text);
      }
      var match = words.every(function (w) { return text.indexOf(w) !== -1; });
      item.hidden = !match;
      if (match) shown++;
    });
    Array.prototype.forEach.call(document.querySelectorAll("[data-filter-group]"), function (group) {
      group.hidden = !group.querySelector("[data-filter]:not([hidden])");
    });
    status.textContent = words.length
      ? status.getAttribute("data-template").replace("{n}", shown).replace("{total}", items.length)
      : "";
    if (empty) empty.hidden = shown > 0;
  }
  input.addEventListener("input", apply);
  tools.hidden = false;
  var q = new URLSearchParams(location.search).get("filter");
  if (q) { input.value = q; apply(); }
})();
