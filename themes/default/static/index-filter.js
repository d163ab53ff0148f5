/* The PDF and link index pages: a filter box that hides the rows of this page that do not
   match every typed word (folded as search folds, so "hoering" finds "høring"); a row matches on
   the text it shows plus the keywords in its data-filter attribute. Long indexes are
   split into pages; the filter searches the page it is on. Without JavaScript every row shows. */
(function () {
  "use strict";
  var tools = document.querySelector("[data-index-tools]");
  if (!tools) return;
  var input = tools.querySelector("[data-filter-input]");
  var status = tools.querySelector("[data-filter-status]");
  var empty = document.querySelector("[data-filter-empty]");

  /* The same table as search.js and src/search/analysis.rs (FOLD); a test keeps them equal. */
  var FOLD = { "æ": "ae", "ä": "ae", "ø": "oe", "ö": "oe", "å": "aa", "é": "e", "è": "e", "ê": "e", "ë": "e",
    "á": "a", "à": "a", "â": "a", "ó": "o", "ò": "o", "ô": "o", "ú": "u", "ù": "u", "û": "u", "ü": "u",
    "í": "i", "ì": "i", "î": "i", "ï": "i", "ñ": "n", "ç": "c", "ß": "ss" };

  function fold(text) {
    var lower = text.toLowerCase(), out = "";
    for (var i = 0; i < lower.length; i++) {
      var c = lower.charAt(i);
      out += FOLD[c] || c;
    }
    return out;
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
