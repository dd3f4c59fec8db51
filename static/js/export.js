// Export page: counts the cards ticked, and builds the file with fetch so the page can show its progress, then
// saves it under the server's file name. Without JavaScript the form posts and the browser downloads the file.
(function () {
  const form = document.getElementById("export-form");
  if (!form || !window.fetch || !window.URL || !URL.createObjectURL) return;
  const boxes = Array.from(form.querySelectorAll("input[name=topics]"));
  const count = form.querySelector("[data-testid=selection-count]");
  const progress = form.querySelector(".export-progress");
  const bar = progress.querySelector("progress");
  const text = progress.querySelector(".progress-text");
  const button = form.querySelector("button[type=submit]");
  const tools = form.querySelector(".select-tools");

  function selection() {
    let cards = 0;
    const ticked = boxes.filter((box) => box.checked);
    ticked.forEach((box) => { cards += Number(box.closest("label").dataset.cards || 0); });
    return { topics: ticked.length, cards: cards };
  }
  function plural(n, word) { return `${n.toLocaleString()} ${word}${n === 1 ? "" : "s"}`; }
  function showCount() {
    const chosen = selection();
    count.textContent = chosen.topics ? `${plural(chosen.topics, "topic")} · ${plural(chosen.cards, "card")} selected`
                                      : "No topics selected";
  }
  form.addEventListener("change", showCount);
  showCount();

  if (tools) {
    tools.hidden = false;
    tools.addEventListener("click", (event) => {
      const choice = event.target.dataset && event.target.dataset.select;
      if (!choice) return;
      const deck = new Set((event.target.dataset.deck || "").split(" "));
      boxes.forEach((box) => { box.checked = choice === "all" || (choice === "deck" && deck.has(box.value)); });
      showCount();
    });
  }

  function fileName(response) {
    const match = /filename="([^"]+)"/.exec(response.headers.get("Content-Disposition") || "");
    return match ? match[1] : "stratus-cards";
  }
  function finish(message, outcome) {
    bar.value = outcome === "failed" ? 0 : 100;
    progress.dataset.outcome = outcome;
    text.textContent = message;
    button.disabled = false;
    form.removeAttribute("aria-busy");
  }

  form.addEventListener("submit", async (event) => {
    if (!selection().topics) return;  // the server says what is wrong, as without JavaScript
    event.preventDefault();
    const format = (form.querySelector("input[name=format]:checked") || {}).value;
    const chosen = selection();
    button.disabled = true;
    form.setAttribute("aria-busy", "true");
    progress.hidden = false;
    progress.dataset.outcome = "building";
    bar.removeAttribute("value");  // indeterminate while the server builds the file
    text.textContent = `Building ${format === "csv" ? "your CSV" : "your Anki package"}: ${plural(chosen.cards, "card")} `
                     + `in ${plural(chosen.topics, "topic")}…`;
    let response;
    try {
      response = await fetch(form.action, { method: "POST", body: new FormData(form), credentials: "same-origin" });
    } catch (error) {
      finish("The export did not reach the server: check your connection and try again.", "failed");
      return;
    }
    if (!response.ok || !(response.headers.get("Content-Disposition") || "").startsWith("attachment")) {
      form.submit();  // a message instead of a file: let the page show it as it would without JavaScript
      return;
    }
    const total = Number(response.headers.get("Content-Length")) || 0;
    const chunks = [];
    let received = 0;
    try {
      const reader = response.body.getReader();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        chunks.push(value);
        received += value.length;
        if (total) {
          bar.value = Math.round((100 * received) / total);
          text.textContent = `Downloading… ${bar.value}%`;
        }
      }
    } catch (error) {
      finish("The download was cut off: try again.", "failed");
      return;
    }
    const name = fileName(response);
    const link = document.createElement("a");
    link.href = URL.createObjectURL(new Blob(chunks, { type: response.headers.get("Content-Type") || "" }));
    link.download = name;
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(link.href), 60000);
    const cards = Number(response.headers.get("X-Export-Cards")) || chosen.cards;
    const topics = Number(response.headers.get("X-Export-Topics")) || chosen.topics;
    finish(`Saved ${name}: ${plural(cards, "card")} in ${plural(topics, "topic")}.`
           + (format === "csv" ? "" : " In Anki, choose File › Import and pick this file."), "saved");
  });
})();
