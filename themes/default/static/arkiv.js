/* arkiv: the little JavaScript the archive needs; every page works without it.
   - Opened from disk (file://), a link to a folder shows a file listing instead of the page,
     so folder links get index.html added.
   - Printed pages write the address of each internal link after it (CSS reads data-print-url).
   - Number columns in tables are right-aligned even when the Markdown did not say so.
   - A table wider than the screen names the columns off screen under it (and marks the edges
     that fade, for browsers without scroll-driven animations; arkiv.css).
   - The table of contents opens beside the text on wide screens and marks where the reader is.
   - A print button appears on document pages.
   - `/` focuses the search box from anywhere. The search script loads only on the search page,
     or here once a reader focuses or types in the header's search box. */
(function () {
  "use strict";
  var each = function (sel, fn) { Array.prototype.forEach.call(document.querySelectorAll(sel), fn); };
  var external = /^[a-z][a-z0-9+.-]*:/i;

  function printUrls() {
    var canonical = document.querySelector("link[rel=canonical]");
    var declared = canonical ? canonical.getAttribute("href") : "";
    var base = /^https?:\/\//.test(declared) ? declared : /^https?:/.test(location.protocol) ? location.href : "";
    if (!base) return;
    each(".prose a[href], .attachments a[href]", function (a) {
      var href = a.getAttribute("href");
      if (!href || external.test(href) || href.charAt(0) === "#") return;
      try { a.setAttribute("data-print-url", new URL(href, base).href); } catch (e) { /* leave it */ }
    });
  }

  function fileLinks() {
    if (location.protocol !== "file:") return;
    each("a[href]", function (a) {
      var href = a.getAttribute("href");
      if (!href || external.test(href) || href.charAt(0) === "#") return;
      var parts = href.split("#");
      if (parts[0] === "") return;
      if (parts[0].slice(-1) === "/") parts[0] += "index.html";
      else if (parts[0] === "." || parts[0] === "..") parts[0] += "/index.html";
      a.setAttribute("href", parts.join("#"));
    });
    each("form[action]", function (f) {
      var action = f.getAttribute("action");
      if (action.slice(-1) === "/") f.setAttribute("action", action + "index.html");
    });
  }

  var NUMBER = /^[(−–+-]?\s*(kr\.?\s*)?[\d][\d.,\s\u00a0]*\)?\s*(%|kr\.?|mio\.?|t\.\s?kr\.?)?$/i;
  function numberColumns() {
    each(".table-wrap table", function (table) {
      var rows = table.rows;
      if (!rows.length) return;
      for (var c = 1; c < rows[0].cells.length; c++) {
        var numeric = true, seen = false;
        for (var r = 0; r < rows.length && numeric; r++) {
          var cell = rows[r].cells[c];
          if (!cell || cell.tagName === "TH") continue;
          var text = cell.textContent.trim();
          if (text === "" || text === "-" || text === "–") continue;
          seen = true;
          numeric = NUMBER.test(text);
        }
        if (!numeric || !seen) continue;
        for (r = 0; r < rows.length; r++) if (rows[r].cells[c]) rows[r].cells[c].classList.add("num");
      }
    });
  }

  /** Under a table that scrolls sideways: "← 2022 · 2023" for the columns off screen to the
      left (behind a sticky first column too) and "Budget 2025 · Budget 2026 →" for those to
      the right, kept up to date as the reader scrolls. */
  function offScreenColumns() {
    each(".table-wrap", function (wrap) {
      var table = wrap.querySelector("table");
      var style = getComputedStyle(wrap).overflowX;
      if (!table || !table.rows.length || (style !== "auto" && style !== "scroll")) return;
      var hint = document.createElement("p");
      hint.className = "table-more";
      hint.setAttribute("aria-hidden", "true");
      hint.hidden = true;
      var left = hint.appendChild(document.createElement("span"));
      var right = hint.appendChild(document.createElement("span"));
      wrap.parentNode.insertBefore(hint, wrap.nextSibling);
      var name = function (cell) { return cell.textContent.replace(/\u00ad/g, "").replace(/\s+/g, " ").trim(); };
      var update = function () {
        var more = wrap.scrollWidth - wrap.clientWidth > 1;
        var cells = table.rows[0].cells;
        var box = wrap.getBoundingClientRect();
        var from = box.left, to = box.right;
        if (cells.length && getComputedStyle(cells[0]).position === "sticky") from = cells[0].getBoundingClientRect().right;
        var before = [], after = [];
        for (var i = 1; more && i < cells.length; i++) {
          var r = cells[i].getBoundingClientRect();
          // Off screen: more than half of it scrolled out of sight.
          if (r.left + r.width / 2 < from) before.push(name(cells[i]));
          else if (r.right - r.width / 2 > to) after.push(name(cells[i]));
        }
        left.textContent = before.length ? "\u2190 " + before.join(" \u00b7 ") : "";
        right.textContent = after.length ? after.join(" \u00b7 ") + " \u2192" : "";
        hint.hidden = !before.length && !after.length;
        wrap.classList.toggle("more-left", more && wrap.scrollLeft > 1);
        wrap.classList.toggle("more-right", more && wrap.scrollLeft < wrap.scrollWidth - wrap.clientWidth - 1);
      };
      var queued = false;
      var soon = function () {
        if (queued) return;
        queued = true;
        requestAnimationFrame(function () { queued = false; update(); });
      };
      wrap.addEventListener("scroll", soon, { passive: true });
      window.addEventListener("resize", soon);
      update();
    });
  }

  function toc() {
    var details = document.querySelector(".toc details");
    if (!details) return;
    var wide = window.matchMedia("(min-width: 64rem)");
    details.open = wide.matches;
    var links = details.querySelectorAll("a[href^='#']");
    if (!("IntersectionObserver" in window) || !links.length) return;
    var byId = {};
    Array.prototype.forEach.call(links, function (a) { byId[decodeURIComponent(a.getAttribute("href").slice(1))] = a; });
    var current = null;
    var observer = new IntersectionObserver(function (entries) {
      entries.forEach(function (e) {
        if (!e.isIntersecting || !byId[e.target.id]) return;
        if (current) current.removeAttribute("aria-current");
        current = byId[e.target.id];
        current.setAttribute("aria-current", "location");
      });
    }, { rootMargin: "0px 0px -70% 0px" });
    Object.keys(byId).forEach(function (id) { var h = document.getElementById(id); if (h) observer.observe(h); });
  }

  function printButtons() {
    each("[data-print]", function (b) {
      b.hidden = false;
      b.addEventListener("click", function () { window.print(); });
    });
  }

  function isTyping(el) {
    return el && (el.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName));
  }

  function searchBox() {
    document.addEventListener("keydown", function (e) {
      if (e.key !== "/" || e.ctrlKey || e.metaKey || e.altKey || isTyping(document.activeElement)) return;
      var box = document.getElementById("search-q") || document.getElementById("site-search");
      if (box) { e.preventDefault(); box.focus(); box.select(); }
    });
    var box = document.getElementById("site-search");
    var src = box && box.form && box.form.getAttribute("data-script");
    if (!src) return;
    var load = function () {
      box.removeEventListener("focus", load);
      box.removeEventListener("input", load);
      if (window.arkivSearch || document.querySelector("script[data-search]")) return;
      var s = document.createElement("script");
      s.src = src;
      s.async = true;
      s.setAttribute("data-search", "");
      document.head.appendChild(s);
    };
    box.addEventListener("focus", load);
    box.addEventListener("input", load);
  }

  function start() { printUrls(); fileLinks(); numberColumns(); offScreenColumns(); toc(); printButtons(); searchBox(); }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
