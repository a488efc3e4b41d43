/* Reader-side helpers of the explainer site. */

/* Keep the reader's place when switching language: paragraphs carry the same anchor id in both
   languages, so the switcher link gets the id of the paragraph at the top of the screen. */
(function () {
  "use strict";

  function currentParagraph() {
    var paragraphs = document.querySelectorAll(".md-content p[id^='p-']");
    var chosen = null;
    for (var i = 0; i < paragraphs.length; i++) {
      var top = paragraphs[i].getBoundingClientRect().top;
      if (top > window.innerHeight) break;
      chosen = paragraphs[i];
      if (top >= 0) break;
    }
    return chosen;
  }

  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("a[hreflang]");
    if (!link || !link.closest(".md-select")) return;
    var hash = window.location.hash;
    if (!/^#p-/.test(hash)) {
      var paragraph = currentParagraph();
      hash = paragraph && window.scrollY > 0 ? "#" + paragraph.id : "";
    }
    if (hash) {
      event.preventDefault();
      window.location.href = link.href.split("#")[0] + hash;
    }
  });
})();

/* Material's search dialog has role="dialog" but no accessible name: name it after its input. */
(function () {
  "use strict";
  var dialog = document.querySelector(".md-search[role='dialog']");
  var input = document.querySelector(".md-search__input");
  if (dialog && input && !dialog.hasAttribute("aria-label"))
    dialog.setAttribute("aria-label", input.getAttribute("aria-label") || "Search");
})();
