// Quiz page: the exam countdown (the server's deadline is the authority), refusals shown in place, and keys.
(function () {
  let tick = null;
  let expired = false;

  function clock(seconds) {
    const h = Math.floor(seconds / 3600), m = Math.floor((seconds % 3600) / 60), s = seconds % 60;
    const mm = h ? String(m).padStart(2, "0") : String(m);
    return (h ? h + ":" : "") + mm + ":" + String(s).padStart(2, "0");
  }

  // Counts down from the server's deadline, corrected for the gap between the server's clock and this one.
  function startTimer() {
    clearInterval(tick);
    const timer = document.querySelector(".timer[data-deadline]");
    if (!timer) return;
    const deadline = Date.parse(timer.dataset.deadline);
    const skew = Date.parse(timer.dataset.now) - Date.now();
    const shown = timer.querySelector("b");
    function update() {
      const left = Math.max(0, Math.ceil((deadline - (Date.now() + skew)) / 1000));  // 0:00 only once time is up
      shown.textContent = clock(left);
      timer.classList.toggle("is-low", left <= 300);
      if (left === 0 && !expired) {
        // Time is up: the server submits the exam on the next request; reloading shows the results.
        expired = true;
        clearInterval(tick);
        shown.textContent = "Time is up";
        setTimeout(() => window.location.reload(), 1200);
      }
    }
    update();
    tick = setInterval(update, 1000);
  }

  function showError(message) {
    const box = document.getElementById("quiz-error");
    if (!box) { window.alert(message); return; }
    box.textContent = message;
    box.hidden = false;
  }

  document.body.addEventListener("htmx:responseError", (event) => {
    const xhr = event.detail.xhr;
    showError(xhr.responseText && xhr.responseText.length < 500 ? xhr.responseText
      : "That was not saved (error " + xhr.status + "). Reload the page and try again.");
  });
  document.body.addEventListener("htmx:sendError", () => {
    showError("No connection: your last answer was not saved. Check the connection and try again.");
  });
  document.body.addEventListener("htmx:afterSwap", () => {
    startTimer();
    const quiz = document.getElementById("quiz");
    if (quiz) quiz.scrollIntoView({ block: "nearest" });
  });
  startTimer();

  document.addEventListener("keydown", (event) => {
    if (event.ctrlKey || event.metaKey || event.altKey || event.repeat) return;
    const tag = (event.target.tagName || "").toLowerCase();
    if (tag === "textarea" || tag === "select" || (tag === "input" && !["radio", "checkbox"].includes(event.target.type))) return;
    const quiz = document.getElementById("quiz");
    if (!quiz || document.querySelector(".htmx-request")) return;
    let target = null;
    if (/^[1-9]$/.test(event.key)) {
      target = quiz.querySelector(`input[data-option="${event.key}"]`);
    } else {
      const key = { n: "next", p: "prev", m: "mark" }[event.key.toLowerCase()];
      target = key && quiz.querySelector(`[data-key="${key}"]:not([disabled])`);
    }
    if (!target) return;
    event.preventDefault();
    target.click();
  });
})();
