/* arkiv slides: fit a slide's text to its 16:9 box. Text is sized as --fit times 1% of the
   box (CSS container units), so one number per slide makes it as large as possible without
   overflowing, on a projector, in the speaker view and on a printed handout alike. */
(function () {
  "use strict";
  // MIN is the floor: 3.4 % of the slide's height, 24 px on a 1280×720 projector. The build
  // cuts a slide too full for it into follow-on slides (model/slide_fit.rs); one that still
  // overflows (a table too large to cut) scrolls rather than shrink or lose text.
  var MIN = 3.4, MAX = 5.6, TITLE_MAX = 6, STEPS = 9, SLACK = 0.97;

  function overflows(content) {
    return content.scrollHeight > content.clientHeight + 1 || content.scrollWidth > content.clientWidth + 1;
  }

  /** Finds the largest --fit at which the box's content fits; returns it (0 if not shown).
      Headings first keep every word whole (the longest word of a title fits on one line);
      only when that cannot reach the floor may they break at their soft hyphens. */
  function fitBox(box) {
    box.classList.add("whole-words");
    var fit = search(box);
    if (fit && box.classList.contains("overfull")) {
      box.classList.remove("whole-words");
      fit = search(box);
    }
    return fit;
  }

  function search(box) {
    var content = box.querySelector(".slide-content");
    if (!content || !box.offsetWidth || !box.offsetHeight) return 0;
    var hi = box.classList.contains("title-slide") ? TITLE_MAX : MAX;
    var lo = MIN;
    box.style.setProperty("--fit", hi);
    if (!overflows(content)) { box.classList.remove("overfull"); return hi; }
    box.style.setProperty("--fit", lo);
    if (overflows(content)) { box.classList.add("overfull"); return lo; }
    for (var i = 0; i < STEPS; i++) {
      var mid = (lo + hi) / 2;
      box.style.setProperty("--fit", mid);
      if (overflows(content)) hi = mid; else lo = mid;
    }
    // A little slack, so rounding in print layout never pushes the last line out.
    var fit = Math.max(MIN, Math.floor(lo * SLACK * 1000) / 1000);
    box.style.setProperty("--fit", fit);
    box.classList.remove("overfull");
    return fit;
  }

  function fitAll(root) {
    var boxes = (root || document).querySelectorAll(".slide-box");
    for (var i = 0; i < boxes.length; i++) fitBox(boxes[i]);
  }

  window.ArkivFit = { box: fitBox, all: fitAll };
})();
