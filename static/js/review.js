// Review keyboard: Space/Enter shows the answer, 1-4 rate, u undoes. Records how long the card was looked at.
(function () {
  let shownAt = performance.now();
  document.body.addEventListener("htmx:afterSwap", () => { shownAt = performance.now(); });
  document.body.addEventListener("htmx:configRequest", (event) => {
    if (event.detail.elt.classList && event.detail.elt.classList.contains("rate-form")) {
      event.detail.parameters.duration_ms = Math.round(performance.now() - shownAt);
    }
  });
  document.addEventListener("submit", (event) => {
    const field = event.target.querySelector && event.target.querySelector("input[name=duration_ms]");
    if (field) field.value = Math.round(performance.now() - shownAt);
  }, true);
  document.addEventListener("keydown", (event) => {
    if (event.ctrlKey || event.metaKey || event.altKey || event.repeat) return;
    const tag = (event.target.tagName || "").toLowerCase();
    if (tag === "input" || tag === "textarea" || tag === "select") return;
    const review = document.getElementById("review");
    if (!review || review.classList.contains("htmx-request")) return;
    let key = null;
    if (event.key === " " || event.key === "Enter") key = "show";
    else if (["1", "2", "3", "4"].includes(event.key)) key = event.key;
    else if (event.key === "u" || event.key === "U") key = "undo";
    if (!key) return;
    const target = review.querySelector(`[data-key="${key}"]`);
    if (!target) return;
    event.preventDefault();
    target.click();
  });
})();
