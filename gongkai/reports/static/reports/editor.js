// The report text editor: the list of 【数据标记】 filters as one types in the search box, and a click on a
// marker inserts it where the cursor was in the last text box used; before any box was used, it says to
// click in the text first.
(() => {
  const boxes = Array.from(document.querySelectorAll("textarea.report-text"));
  const status = document.querySelector("[data-marker-status]");
  // A box already in use when the script arrives (a slow connection) counts as the last one used.
  let last = boxes.includes(document.activeElement) ? document.activeElement : null;
  for (const box of boxes) box.addEventListener("focus", () => { last = box; });

  document.addEventListener("click", (event) => {
    const button = event.target.closest("[data-insert]");
    if (!button) return;
    if (!last) {
      if (status) status.textContent = "请先在正文中点一下要插入的位置，再点数据标记。";
      return;
    }
    if (status) status.textContent = `已插入${button.dataset.insert}。`;
    const text = button.dataset.insert;
    const start = last.selectionStart ?? last.value.length;
    const end = last.selectionEnd ?? start;
    last.value = last.value.slice(0, start) + text + last.value.slice(end);
    last.focus();
    last.selectionStart = last.selectionEnd = start + text.length;
  });

  const search = document.querySelector("[data-marker-search]");
  const empty = document.querySelector("[data-marker-empty]");
  if (!search) return;
  search.addEventListener("input", () => {
    const words = search.value.trim().split(/\s+/).filter(Boolean);
    let shown = 0;
    for (const group of document.querySelectorAll("[data-marker-group]")) {
      let inGroup = 0;
      for (const item of group.querySelectorAll("[data-marker]")) {
        const match = words.every((w) => item.dataset.marker.includes(w));
        item.hidden = !match;
        if (match) inGroup += 1;
      }
      group.hidden = inGroup === 0;
      shown += inGroup;
    }
    if (empty) empty.hidden = shown > 0;
  });
})();
