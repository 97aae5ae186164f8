// guihua serve: keys for the keyboard. Every page works without this script.
//   /      focus the search box
//   j / k  move to the next / previous hit (or concordance line)
//   Enter  open the selected hit
(function () {
  "use strict";
  function items() {
    return Array.prototype.slice.call(document.querySelectorAll("li.hit, table.kwic tbody tr"));
  }
  var current = -1;
  function select(index) {
    var list = items();
    if (list.length === 0) return;
    current = Math.max(0, Math.min(list.length - 1, index));
    list.forEach(function (el, i) { el.classList.toggle("selected", i === current); });
    var link = list[current].querySelector("a");
    if (link) link.focus({ preventScroll: true });
    list[current].scrollIntoView({ block: "nearest" });
  }
  document.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    var tag = (event.target && event.target.tagName) || "";
    var typing = tag === "INPUT" || tag === "TEXTAREA" || tag === "SELECT";
    if (event.key === "/" && !typing) {
      var box = document.getElementById("q");
      if (box) { event.preventDefault(); box.focus(); box.select(); }
    } else if (event.key === "Escape" && typing) {
      event.target.blur();
    } else if (!typing && (event.key === "j" || event.key === "k")) {
      event.preventDefault();
      select(current + (event.key === "j" ? 1 : -1));
    } else if (!typing && event.key === "Enter" && current >= 0) {
      var link = items()[current] && items()[current].querySelector("a");
      if (link && document.activeElement !== link) { event.preventDefault(); link.click(); }
    }
  });
})();
