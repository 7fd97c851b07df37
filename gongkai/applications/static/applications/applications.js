// Filters that apply as soon as a choice is made; the form keeps a submit button for use without scripts.
document.querySelectorAll("select[data-submit-on-change]").forEach(function (select) {
  select.addEventListener("change", function () {
    select.form.submit();
  });
});
