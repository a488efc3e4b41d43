/* Reader-side helpers of the explainer site. */

/* Keep the reader's place when switching language: paragraphs, headings and glossary entries carry
   the same anchor id in both languages, so the switcher link gets the id of the one at the top of
   the screen now (not the one the address named when the page was opened). */
(function () {
  "use strict";
  var PLACES = ".md-content p[id^='p-'], .md-content [id^='s-'], .md-content h3[id], .md-content .ex-row[id]";

  function currentPlace() {
    var places = document.querySelectorAll(PLACES);
    var chosen = null;
    for (var i = 0; i < places.length; i++) {
      var rect = places[i].getBoundingClientRect();
      if (rect.top > window.innerHeight / 2) break;
      chosen = places[i];
      if (rect.bottom > 0) break;
    }
    return chosen;
  }

  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("a[hreflang]");
    if (!link || !link.closest(".md-select")) return;
    var place = window.scrollY > 0 ? currentPlace() : null;
    event.preventDefault();
    window.location.href = link.href.split("#")[0] + (place ? "#" + place.id : "");
  });
})();

/* Glossary terms: the definition in a box of the site's own, on screen in both directions, that
   stays while the pointer is on it, closes with Esc, and opens in place when a term is tapped (a
   second tap, or the box's link, goes to the glossary). WCAG 1.4.13: hoverable, dismissable,
   persistent. */
(function () {
  "use strict";
  var terms = document.querySelectorAll(".md-typeset a.ex-term[title]");
  if (!terms.length) return;
  var MARGIN = 8, GAP = 6;
  var box = document.createElement("div");
  box.className = "ex-tip";
  box.id = "ex-tip";
  box.setAttribute("role", "tooltip");
  box.hidden = true;
  var text = document.createElement("p");
  var more = document.createElement("a");
  more.className = "ex-tip__more";
  box.appendChild(text);
  box.appendChild(more);
  (document.querySelector("main") || document.body).appendChild(box);  /* inside the page's landmarks */
  var current = null, hideTimer = null, touched = false, openBeforeTap = false;
  var label = document.documentElement.lang === "ar" ? "المزيد في المسرد" : "More in the glossary";

  function place(term) {
    var rect = term.getClientRects()[0] || term.getBoundingClientRect();
    var width = Math.min(352, document.documentElement.clientWidth - 2 * MARGIN);
    box.style.width = width + "px";
    var rtl = getComputedStyle(term).direction === "rtl";
    var start = rtl ? rect.right - width : rect.left;
    var left = Math.max(MARGIN, Math.min(start, document.documentElement.clientWidth - width - MARGIN));
    var top = rect.bottom + GAP;
    if (top + box.offsetHeight > window.innerHeight - MARGIN && rect.top - GAP - box.offsetHeight > MARGIN)
      top = rect.top - GAP - box.offsetHeight;
    box.style.left = left + "px";  /* fixed: coordinates of the viewport */
    box.style.top = top + "px";
  }

  function show(term) {
    clearTimeout(hideTimer);
    if (current && current !== term) current.removeAttribute("aria-describedby");
    current = term;
    var holder = term.closest("[lang]");
    box.lang = holder ? holder.lang : document.documentElement.lang;
    box.dir = getComputedStyle(term).direction;
    text.textContent = term.getAttribute("data-definition");
    more.href = term.href;
    more.textContent = label;
    more.hidden = !touched;
    box.hidden = false;
    term.setAttribute("aria-describedby", "ex-tip");
    place(term);
  }

  function hide() {
    clearTimeout(hideTimer);
    box.hidden = true;
    if (current) current.removeAttribute("aria-describedby");
    current = null;
  }

  function hideSoon() {
    clearTimeout(hideTimer);
    hideTimer = setTimeout(hide, 300);
  }

  for (var i = 0; i < terms.length; i++) {
    var term = terms[i];
    term.setAttribute("data-definition", term.getAttribute("title"));
    term.removeAttribute("title");
    term.addEventListener("mouseenter", function (event) { if (!touched) show(event.currentTarget); });
    term.addEventListener("mouseleave", hideSoon);
    term.addEventListener("focus", function (event) { show(event.currentTarget); });
    term.addEventListener("blur", function (event) {
      if (!box.contains(event.relatedTarget)) hideSoon();
    });
    term.addEventListener("click", function (event) {
      if (!touched || openBeforeTap) return;  /* a second tap goes to the glossary */
      event.preventDefault();  /* the first tap shows the definition in place */
      show(event.currentTarget);
    });
  }
  box.addEventListener("mouseenter", function () { clearTimeout(hideTimer); });
  box.addEventListener("mouseleave", hideSoon);
  document.addEventListener("pointerdown", function (event) {
    touched = event.pointerType === "touch" || event.pointerType === "pen";
    var term = event.target.closest && event.target.closest("a.ex-term");
    openBeforeTap = Boolean(term) && term === current && !box.hidden;
    if (!box.hidden && !box.contains(event.target) && !(event.target.closest && event.target.closest("a.ex-term")))
      hide();
  }, true);
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && !box.hidden) hide();
  });
  function follow() { if (current && !box.hidden) place(current); }
  window.addEventListener("resize", follow);
  window.addEventListener("scroll", follow, { passive: true });
})();

/* Material's search dialog has role="dialog" but no accessible name: name it after its input. */
(function () {
  "use strict";
  var dialog = document.querySelector(".md-search[role='dialog']");
  var input = document.querySelector(".md-search__input");
  if (dialog && input && !dialog.hasAttribute("aria-label"))
    dialog.setAttribute("aria-label", input.getAttribute("aria-label") || "Search");
})();
