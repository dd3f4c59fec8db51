// Review keyboard: Space/Enter shows the answer, 1-4 rate, u undoes. Records how long the card was looked at.
(function () {
  let shownAt = performance.now();
  let wake = null;
  // Learning steps are minutes long: when the next card is due soon, fetch it then without a click.
  function scheduleWake() {
    clearTimeout(wake);
    const review = document.getElementById("review");
    const due = review && review.dataset.nextDue ? Date.parse(review.dataset.nextDue) : NaN;
    const wait = due - Date.now();
    if (wait > 0 && wait < 60 * 60 * 1000) wake = setTimeout(() => window.location.reload(), wait + 1000);
  }
  scheduleWake();
  document.body.addEventListener("htmx:afterSwap", () => { shownAt = performance.now(); scheduleWake(); });
  document.body.addEventListener("htmx:configRequest", (event) => {
    if (event.detail.elt.classList && event.detail.elt.classList.contains("rate-form")) {
      event.detail.parameters.duration_ms = Math.round(performance.now() - shownAt);
    }
  });
  document.addEventListener("submit", (event) => {
    const field = event.target.querySelector && event.target.querySelector("input[name=duration_ms]");
    if (field) field.value = Math.round(performance.now() - shownAt);
  }, true);
  // A key pressed while a swap is in flight is kept and replayed once the new card has settled.
  let pending = null;
  function busy() {
    return document.querySelector(".htmx-request, .htmx-swapping, .htmx-settling") !== null;
  }
  function press(key) {
    const review = document.getElementById("review");
    const target = review && review.querySelector(`[data-key="${key}"]`);
    if (target) target.click();
  }
  document.body.addEventListener("htmx:afterSettle", () => {
    if (pending && !busy()) { const key = pending; pending = null; press(key); }
  });
  document.addEventListener("keydown", (event) => {
    if (event.ctrlKey || event.metaKey || event.altKey || event.repeat) return;
    const tag = (event.target.tagName || "").toLowerCase();
    if (tag === "input" || tag === "textarea" || tag === "select") return;
    if (!document.getElementById("review")) return;
    let key = null;
    if (event.key === " " || event.key === "Enter") key = "show";
    else if (["1", "2", "3", "4"].includes(event.key)) key = event.key;
    else if (event.key === "u" || event.key === "U") key = "undo";
    if (!key) return;
    event.preventDefault();
    if (busy()) { pending = key; return; }
    press(key);
  });
})();
