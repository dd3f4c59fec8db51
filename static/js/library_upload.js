// Drag and drop onto the zone fills the same file field the form posts; without JavaScript the field works alone.
(function () {
  const zone = document.querySelector("[data-drop-zone]"), input = document.getElementById("id_files");
  const list = document.querySelector("[data-drop-list]");
  function show() {
    list.replaceChildren(...Array.from(input.files).map(f => {
      const li = document.createElement("li"); li.textContent = f.name + " (" + Math.ceil(f.size / 1024) + " KB)"; return li;
    }));
  }
  ["dragenter", "dragover"].forEach(e => zone.addEventListener(e, ev => { ev.preventDefault(); zone.classList.add("over"); }));
  ["dragleave", "drop"].forEach(e => zone.addEventListener(e, () => zone.classList.remove("over")));
  zone.addEventListener("drop", ev => { ev.preventDefault(); input.files = ev.dataTransfer.files; show(); });
  input.addEventListener("change", show);
  if (input.files.length) show();  // files chosen before this script ran (a slow page, or the browser's back button)
})();
