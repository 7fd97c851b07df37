// Small page behaviours, kept out of the templates so the Content-Security-Policy needs no inline script.
//   <select data-autosubmit>   submits its form when changed
//   <button data-print>        prints the page
document.addEventListener("change", (event) => {
  const field = event.target.closest("[data-autosubmit]");
  if (field && field.form) field.form.submit();
});
document.addEventListener("click", (event) => {
  if (event.target.closest("[data-print]")) window.print();
});
