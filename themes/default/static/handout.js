/* arkiv handouts: lay the deck out at the chosen number of slides per page (?per-page=N,
   default 3), number the sheets, shrink them to fit a phone screen, and fit each slide's
   text to its box. The page is built at 3 per page, so it also prints without JavaScript. */
(function () {
  "use strict";
  var CHOICES = [1, 2, 3, 4, 6];
  var fit = window.ArkivFit || { all: function () {} };
  var handout = document.getElementById("handout");
  var form = document.getElementById("per-page-form");

  function fitNotes(root) {
    Array.prototype.forEach.call(root.querySelectorAll(".per-page-1 .handout-notes"), function (el) {
      var size = 11;
      el.style.fontSize = size + "pt";
      while (el.scrollHeight > el.clientHeight + 1 && size > 7) {
        size -= 0.5;
        el.style.fontSize = size + "pt";
      }
    });
  }
  function refit(root) {
    fit.all(root);
    fitNotes(root);
  }

  if (!handout) {
    // The meeting pack: only fitting, and a print button.
    document.addEventListener("DOMContentLoaded", function () { refit(document); });
    refit(document);
  } else {
    var items = Array.prototype.slice.call(handout.querySelectorAll(".handout-item"));
    var model = handout.querySelector(".sheet");
    var t = function (key) { return handout.getAttribute("data-t-" + key) || ""; };
    var pageSize = document.head.appendChild(document.createElement("style"));

    // A slide too full to print readably at this layout prints as its outline text, on a
    // sheet of its own (the same rule as the build's, for the layout it writes).
    var asOutline = function (item, per) {
      return (item.getAttribute("data-print-layouts") || "").split(" ").indexOf(String(per)) < 0;
    };
    var group = function (per) {
      var groups = [], current = [];
      items.forEach(function (item) {
        var alone = asOutline(item, per);
        item.classList.toggle("as-outline", alone);
        if (alone) {
          if (current.length) groups.push(current);
          groups.push([item]);
          current = [];
          return;
        }
        current.push(item);
        if (current.length === per) { groups.push(current); current = []; }
      });
      if (current.length) groups.push(current);
      return groups;
    };
    var layout = function (per) {
      if (!model) return;
      var groups = group(per);
      var total = groups.length;
      var sheets = [];
      for (var k = 0; k < total; k++) {
        var sheet = model.cloneNode(true);
        var body = sheet.querySelector(".sheet-body");
        body.replaceChildren.apply(body, groups[k]);
        sheet.classList.toggle("outline-sheet", groups[k].some(function (item) { return asOutline(item, per); }));
        var label = t("page") + " " + (k + 1) + " " + t("of") + " " + total;
        sheet.querySelector(".sheet-number").textContent = label;
        sheet.setAttribute("aria-label", label);
        sheets.push(sheet);
      }
      handout.replaceChildren.apply(handout, sheets);
      model = sheets[0];
      handout.className = handout.className.replace(/\bper-page-\d+\b/, "per-page-" + per);
      handout.setAttribute("data-per-page", String(per));
      // Upright or across the paper, as handout.css says for this layout (--page-size).
      var size = getComputedStyle(handout).getPropertyValue("--page-size").trim() || "A4";
      pageSize.textContent = "@page { size: " + size + "; margin: 0; }";
      zoom();
      refit(handout);
    };
    var zoom = function () {
      var sheet = handout.querySelector(".sheet");
      if (!sheet) return;
      handout.style.setProperty("--sheet-zoom", "1");
      var width = sheet.getBoundingClientRect().width;
      var room = document.documentElement.clientWidth - 16;
      handout.style.setProperty("--sheet-zoom", String(Math.min(1, room / width)));
    };

    var wanted = parseInt(new URLSearchParams(location.search).get("per-page"), 10);
    var per = CHOICES.indexOf(wanted) >= 0 ? wanted : parseInt(handout.getAttribute("data-per-page"), 10) || 3;
    if (form) {
      form.hidden = false;
      var radio = form.querySelector('input[value="' + per + '"]');
      if (radio) radio.checked = true;
      form.addEventListener("change", function (e) {
        var n = parseInt(e.target.value, 10);
        if (CHOICES.indexOf(n) < 0) return;
        history.replaceState(null, "", "?per-page=" + n + location.hash);
        layout(n);
      });
      form.addEventListener("submit", function (e) { e.preventDefault(); });
    }
    layout(per);
    var again = 0;
    window.addEventListener("resize", function () {
      cancelAnimationFrame(again);
      again = requestAnimationFrame(function () { zoom(); refit(handout); });
    });
    window.addEventListener("beforeprint", function () {
      handout.style.setProperty("--sheet-zoom", "1");
      refit(handout);
    });
    window.addEventListener("afterprint", function () { zoom(); refit(handout); });
  }
  var button = document.getElementById("print-button");
  if (button) {
    button.hidden = false;
    button.addEventListener("click", function () { window.print(); });
  }
})();
