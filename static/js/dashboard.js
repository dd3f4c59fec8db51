// Heatmap: arrow keys move between days; the focused or hovered day is read out below the chart.
(function () {
  var map = document.querySelector("[data-heatmap]");
  if (!map) return;
  var cells = Array.prototype.slice.call(map.querySelectorAll("rect[data-count]"));
  var readout = document.getElementById("heat-readout");
  function show(cell) { readout.textContent = cell.querySelector("title").textContent; }
  function move(from, by) {
    var to = cells[Math.max(0, Math.min(cells.length - 1, cells.indexOf(from) + by))];
    from.setAttribute("tabindex", "-1"); to.setAttribute("tabindex", "0"); to.focus();
  }
  cells.forEach(function (cell) {
    cell.addEventListener("focus", function () { show(cell); });
    cell.addEventListener("mouseenter", function () { show(cell); });
    cell.addEventListener("keydown", function (e) {
      var by = {ArrowLeft: -7, ArrowRight: 7, ArrowUp: -1, ArrowDown: 1, Home: -cells.length, End: cells.length}[e.key];
      if (by) { e.preventDefault(); move(cell, by); }
    });
  });
})();
