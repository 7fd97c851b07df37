// Small page behaviours, kept out of the templates so the Content-Security-Policy needs no inline script.
//   <select data-autosubmit>   submits its form when changed
//   <button data-print>        prints the page
//   <form data-busy="正在发布…">  disables its buttons at once when submitted (no second click), saying so
//   <… data-refresh="3">       reloads the page every 3 seconds while it shows work in progress; a
//                              <button data-refresh-pause> inside it stops the reloading
document.addEventListener("change", (event) => {
  const field = event.target.closest("[data-autosubmit]");
  if (field && field.form) field.form.submit();
});
document.addEventListener("click", (event) => {
  if (event.target.closest("[data-print]")) window.print();
});

const refreshing = document.querySelector("[data-refresh]");
if (refreshing) {
  const timer = setInterval(() => window.location.reload(), Number(refreshing.dataset.refresh) * 1000);
  refreshing.addEventListener("click", (event) => {
    const pause = event.target.closest("[data-refresh-pause]");
    if (!pause) return;
    clearInterval(timer);
    pause.disabled = true;
    pause.textContent = "已停止自动刷新，可手动刷新本页";
  });
}

document.addEventListener("submit", (event) => {
  const form = event.target.closest("form[data-busy]");
  if (!form) return;
  // Disabled after the submission has started, so the clicked button's own value is still sent.
  setTimeout(() => {
    for (const button of form.querySelectorAll("button[type=submit], button:not([type])")) {
      button.disabled = true;
      button.setAttribute("aria-busy", "true");
      button.textContent = form.dataset.busy;
    }
  }, 0);
});
