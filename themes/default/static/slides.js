/* arkiv slides: the presentation and its speaker view. One slide at a time; keys, buttons
   and swipes change it; the URL's #number follows, so a link or a reload lands on the same
   slide. #N counts the deck's own slides; a slide too full to show at a readable size is
   shown as follow-on slides "… (forts.)", addressed #N.2, #N.3 and counted as slide N.
   The speaker view (?speaker) is this page in a second window, kept in step through
   postMessage between the two windows (works from file:// too), a BroadcastChannel and
   localStorage events (so a reloaded window finds its partner again over http). */
(function () {
  "use strict";
  var deck = document.getElementById("deck");
  if (!deck) return;
  var slides = Array.prototype.slice.call(document.querySelectorAll(".stage > .slide"));
  var count = slides.length;
  if (!count) return;
  var total = parseInt(deck.getAttribute("data-count"), 10) || count;
  var numberOf = function (i) { return slides[i].getAttribute("data-number") || String(i + 1); };
  var fit = window.ArkivFit || { box: function () {} };
  var channelName = "arkiv-slides:" + (deck.getAttribute("data-channel") || location.pathname);
  var speaker = /[?&]speaker\b/.test(location.search);
  var current = 0;
  var partner = null;
  var counter = document.getElementById("deck-counter");
  var overlay = document.getElementById("notes-overlay");
  var panel = document.getElementById("speaker-panel");
  var notesButton = deck.querySelector('[data-action="notes"]');
  var t = function (key) { return deck.getAttribute("data-t-" + key) || ""; };

  function clamp(n) { return Math.min(count, Math.max(1, n | 0)); }
  // The position (1-based, among the slides shown) of the slide with address `anchor`
  // ("5" or "5.2"), or of the first part of source slide N.
  function position(anchor) {
    for (var i = 0; i < count; i++) if (slides[i].id === anchor) return i + 1;
    var m = /^(\d+)/.exec(anchor);
    if (!m) return 1;
    var n = parseInt(m[1], 10);
    for (var j = 0; j < count; j++) if (parseInt(numberOf(j), 10) >= n) return j + 1;
    return count;
  }
  function fromHash() {
    var m = /^#(\d+(?:\.\d+)?)$/.exec(location.hash);
    return m ? position(m[1]) : 1;
  }
  function notesOf(n) {
    var aside = slides[n - 1] && slides[n - 1].querySelector(".slide-notes");
    return aside ? aside.innerHTML : "<p>" + t("no-notes") + "</p>";
  }

  function show(n, remote) {
    n = clamp(n);
    if (n === current) return;
    current = n;
    for (var i = 0; i < count; i++) {
      var on = i === n - 1;
      slides[i].classList.toggle("current", on);
      if (on) slides[i].removeAttribute("aria-hidden"); else slides[i].setAttribute("aria-hidden", "true");
    }
    counter.textContent = numberOf(n - 1) + " / " + total;
    var anchor = slides[n - 1].id || String(n);
    if (location.hash !== "#" + anchor) history.replaceState(null, "", "#" + anchor);
    fit.box(slides[n - 1].querySelector(".slide-box"));
    if (!overlay.hidden) overlay.innerHTML = notesOf(n);
    if (speaker) renderSpeaker();
    if (!remote) tell(n);
  }

  // Keeping two windows in step.
  var channel = null;
  try { channel = new BroadcastChannel(channelName); } catch (e) { channel = null; }
  // Every change is stamped, so a late copy of an older message (three routes deliver each
  // one) never takes a window back after a newer change.
  var lastChange = 0;
  function tell(n) {
    lastChange = Math.max(Date.now(), lastChange + 1);
    var message = { arkivSlides: channelName, slide: n, at: lastChange };
    var target = partner && !partner.closed ? partner : (window.opener && !window.opener.closed ? window.opener : null);
    if (target) { try { target.postMessage(message, "*"); } catch (e) { /* window gone */ } }
    if (channel) { try { channel.postMessage(message); } catch (e) { /* closed */ } }
    try { localStorage.setItem(channelName, JSON.stringify(message)); } catch (e) { /* storage off */ }
  }
  function hear(data) {
    if (!data || data.arkivSlides !== channelName || typeof data.slide !== "number") return;
    var at = typeof data.at === "number" ? data.at : 0;
    if (at < lastChange) return;
    lastChange = at;
    show(data.slide, true);
  }
  window.addEventListener("message", function (e) { hear(e.data); });
  if (channel) channel.onmessage = function (e) { hear(e.data); };
  window.addEventListener("storage", function (e) {
    if (e.key !== channelName || !e.newValue) return;
    try { hear(JSON.parse(e.newValue)); } catch (err) { /* not ours */ }
  });

  function openSpeaker() {
    var url = location.href.split("#")[0].split("?")[0] + "?speaker#" + (slides[current - 1].id || current);
    partner = window.open(url, "arkiv-speaker", "width=1200,height=760");
  }
  function toggleNotes(force) {
    var on = typeof force === "boolean" ? force : overlay.hidden;
    overlay.hidden = !on;
    if (on) overlay.innerHTML = notesOf(current);
    notesButton.setAttribute("aria-pressed", on ? "true" : "false");
  }
  function toggleFullscreen() {
    try {
      if (document.fullscreenElement) document.exitFullscreen();
      else if (document.documentElement.requestFullscreen) document.documentElement.requestFullscreen().catch(function () {});
    } catch (e) { /* not allowed here */ }
  }

  var actions = {
    next: function () { show(current + 1); },
    prev: function () { show(current - 1); },
    first: function () { show(1); },
    last: function () { show(count); },
    notes: function () { toggleNotes(); },
    fullscreen: toggleFullscreen,
    speaker: openSpeaker
  };
  deck.addEventListener("click", function (e) {
    var button = e.target.closest && e.target.closest("[data-action]");
    if (button && actions[button.getAttribute("data-action")]) actions[button.getAttribute("data-action")]();
    // In the speaker view, a click on the next slide moves on to it.
    else if (speaker && e.target.closest && e.target.closest("#speaker-next") && !e.target.closest("a")) show(current + 1);
  });

  var typed = "";
  document.addEventListener("keydown", function (e) {
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    var onControl = e.target.closest && e.target.closest("button, a, input");
    if (onControl && (e.key === " " || e.key === "Enter")) return;
    var action = null;
    switch (e.key) {
      case "ArrowRight": case "ArrowDown": case "PageDown": action = "next"; break;
      case " ": action = e.shiftKey ? "prev" : "next"; break;
      case "ArrowLeft": case "ArrowUp": case "PageUp": case "Backspace": action = "prev"; break;
      case "Home": action = "first"; break;
      case "End": action = "last"; break;
      case "f": case "F": action = "fullscreen"; break;
      case "n": case "N": action = "notes"; break;
      case "s": case "S": if (!speaker) action = "speaker"; break;
      case "Escape": if (!overlay.hidden) { toggleNotes(false); e.preventDefault(); } return;
      case "Enter": if (typed) { show(position(typed)); typed = ""; e.preventDefault(); } return;
      default:
        if (/^[0-9]$/.test(e.key)) { typed = (typed + e.key).slice(-3); return; }
        return;
    }
    typed = "";
    e.preventDefault();
    actions[action]();
  });

  // Swipes on touch screens.
  var touch = null;
  var stage = document.getElementById("stage");
  stage.addEventListener("touchstart", function (e) {
    if (e.touches.length === 1) touch = { x: e.touches[0].clientX, y: e.touches[0].clientY };
  }, { passive: true });
  stage.addEventListener("touchend", function (e) {
    if (!touch || !e.changedTouches.length) return;
    var dx = e.changedTouches[0].clientX - touch.x, dy = e.changedTouches[0].clientY - touch.y;
    touch = null;
    if (Math.abs(dx) > 40 && Math.abs(dx) > 1.5 * Math.abs(dy)) show(current + (dx < 0 ? 1 : -1));
  }, { passive: true });

  // Controls fade when the mouse rests, so the audience sees only the slide.
  var idleTimer = 0;
  function wake() {
    deck.classList.remove("idle");
    clearTimeout(idleTimer);
    idleTimer = setTimeout(function () { deck.classList.add("idle"); }, 2500);
  }
  document.addEventListener("mousemove", wake);
  document.addEventListener("focusin", wake);
  wake();

  // The speaker view.
  var started = Date.now();
  function clone(slide) {
    var box = slide.querySelector(".slide-box").cloneNode(true);
    Array.prototype.forEach.call(box.querySelectorAll("[id]"), function (el) { el.removeAttribute("id"); });
    box.setAttribute("aria-hidden", "true");
    return box;
  }
  function renderSpeaker() {
    var slotCurrent = document.getElementById("speaker-current");
    var slotNext = document.getElementById("speaker-next");
    slotCurrent.replaceChildren(clone(slides[current - 1]));
    if (current < count) {
      slotNext.replaceChildren(clone(slides[current]));
    } else {
      var end = document.createElement("div");
      end.className = "speaker-end";
      end.textContent = t("last");
      slotNext.replaceChildren(end);
    }
    document.getElementById("speaker-notes").innerHTML = notesOf(current);
    panel.querySelector(".speaker-counter").textContent = numberOf(current - 1) + " / " + total;
    fitSpeaker();
  }
  function fitSpeaker() {
    Array.prototype.forEach.call(panel.querySelectorAll(".slide-box"), function (b) { fit.box(b); });
  }
  function pad(n) { return (n < 10 ? "0" : "") + n; }
  function tick() {
    var now = new Date();
    document.getElementById("speaker-time").textContent = pad(now.getHours()) + ":" + pad(now.getMinutes());
    var s = Math.floor((Date.now() - started) / 1000);
    var h = Math.floor(s / 3600), m = Math.floor(s / 60) % 60;
    document.getElementById("speaker-elapsed").textContent = (h ? h + ":" + pad(m) : m) + ":" + pad(s % 60);
  }
  if (speaker) {
    document.body.classList.add("speaker-mode");
    panel.hidden = false;
    deck.querySelector('[data-action="speaker"]').hidden = true;
    document.getElementById("speaker-restart").addEventListener("click", function () { started = Date.now(); tick(); });
    tick();
    setInterval(tick, 1000);
  }

  var pending = 0;
  window.addEventListener("resize", function () {
    cancelAnimationFrame(pending);
    pending = requestAnimationFrame(function () {
      if (current) fit.box(slides[current - 1].querySelector(".slide-box"));
      if (speaker) fitSpeaker();
    });
  });
  window.addEventListener("hashchange", function () { show(fromHash()); });
  window.addEventListener("beforeprint", function () {
    for (var i = 0; i < count; i++) slides[i].classList.add("current");
    if (window.ArkivFit) window.ArkivFit.all(document.getElementById("stage"));
  });
  window.addEventListener("afterprint", function () {
    for (var i = 0; i < count; i++) slides[i].classList.toggle("current", i === current - 1);
  });
  show(fromHash(), true);
})();
