// Forms that undo something people rely on ask first: <form data-confirm="Are you sure?">.
document.addEventListener("submit", (event) => {
  const message = event.target.dataset && event.target.dataset.confirm;
  if (message && !window.confirm(message)) event.preventDefault();
});
