/* Review pages: keyboard shortcuts and click-to-highlight of evidence.
   Everything here is an enhancement: without JavaScript the forms still post,
   the field links still jump to their evidence (#anchors, styled by :target).

   Keys (not while typing in a field): a accept, r reject (focuses the reason),
   e edit, j or n next candidate; on the queue j/n move down the list, k up,
   Enter opens. */
(function () {
  "use strict";

  function typing(event) {
    var t = event.target;
    return t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName));
  }

  function highlightField(name) {
    document.querySelectorAll("mark.ev.ev-active").forEach(function (m) {
      m.classList.remove("ev-active");
    });
    var first = null;
    document.querySelectorAll("mark.ev").forEach(function (m) {
      var fields = (m.getAttribute("data-fields") || "").split(" ");
      if (fields.indexOf(name) >= 0) {
        m.classList.add("ev-active");
        if (!first) { first = m; }
      }
    });
    if (first) { first.scrollIntoView({ behavior: "smooth", block: "center" }); }
    return first;
  }

  function itemPage() {
    document.querySelectorAll("a.ev-link").forEach(function (link) {
      link.addEventListener("click", function (event) {
        if (highlightField(link.getAttribute("data-field"))) { event.preventDefault(); }
      });
    });
    document.addEventListener("keydown", function (event) {
      if (typing(event) || event.ctrlKey || event.metaKey || event.altKey) { return; }
      var key = event.key;
      if (key === "a") {
        var accept = document.getElementById("accept-form");
        if (accept) { event.preventDefault(); accept.requestSubmit(); }
      } else if (key === "r") {
        var reason = document.getElementById("reject-reason");
        if (reason) { event.preventDefault(); reason.focus(); }
      } else if (key === "e") {
        var edit = document.getElementById("edit");
        if (edit) { event.preventDefault(); edit.open = true; edit.scrollIntoView(); }
      } else if (key === "j" || key === "n") {
        var next = document.querySelector("[data-key-next]");
        if (next) { event.preventDefault(); window.location.href = next.href; }
      }
    });
  }

  function listPage() {
    var rows = Array.prototype.slice.call(document.querySelectorAll(".queue-item"));
    var current = -1;
    function select(index) {
      if (!rows.length) { return; }
      current = Math.max(0, Math.min(rows.length - 1, index));
      rows.forEach(function (r, i) { r.classList.toggle("is-current", i === current); });
      rows[current].querySelector("a.queue-title").focus();
    }
    document.addEventListener("keydown", function (event) {
      if (typing(event) || event.ctrlKey || event.metaKey || event.altKey) { return; }
      if (event.key === "j" || event.key === "n") { event.preventDefault(); select(current + 1); }
      else if (event.key === "k") { event.preventDefault(); select(current - 1); }
    });
  }

  var root = document.querySelector("[data-review-page]");
  if (!root) { return; }
  if (root.getAttribute("data-review-page") === "item") { itemPage(); } else { listPage(); }
}());
