/* arkiv: the little JavaScript the archive needs. Opened from disk (file://), a link to a
   folder shows a file listing instead of the page, so folder links get index.html added. */
(function () {
  "use strict";
  if (location.protocol === "file:") {
    var fix = function (a) {
      var href = a.getAttribute("href");
      if (!href || /^[a-z][a-z0-9+.-]*:/i.test(href) || href.charAt(0) === "#") return;
      var parts = href.split("#");
      if (parts[0] === "" ) return;
      if (parts[0].slice(-1) === "/") parts[0] += "index.html";
      else if (parts[0] === "." || parts[0] === "..") parts[0] += "/index.html";
      a.setAttribute("href", parts.join("#"));
    };
    document.addEventListener("DOMContentLoaded", function () {
      Array.prototype.forEach.call(document.querySelectorAll("a[href]"), fix);
      Array.prototype.forEach.call(document.querySelectorAll("form[action]"), function (f) {
        var action = f.getAttribute("action");
        if (action.slice(-1) === "/") f.setAttribute("action", action + "index.html");
      });
    });
  }
})();
