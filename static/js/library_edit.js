// Line numbers beside the text, kept in step as it changes and scrolls; ?line=N opens the editor at that line.
(function () {
  const area = document.getElementById("id_text"), gutter = document.querySelector("[data-gutter]");
  function number() {
    const count = area.value.split("\n").length;
    let out = ""; for (let i = 1; i <= count; i++) out += i + "\n";
    gutter.textContent = out;
  }
  area.addEventListener("input", number);
  area.addEventListener("scroll", () => { gutter.scrollTop = area.scrollTop; });
  number();
  const line = parseInt(area.dataset.line, 10);
  if (line > 0) {
    const lines = area.value.split("\n"), start = lines.slice(0, line - 1).join("\n").length + (line > 1 ? 1 : 0);
    area.focus();
    area.setSelectionRange(start, start + (lines[line - 1] || "").length);
    const height = parseFloat(getComputedStyle(area).lineHeight) || 20;
    area.scrollTop = Math.max(0, (line - 5) * height);
    gutter.scrollTop = area.scrollTop;
  }
})();
