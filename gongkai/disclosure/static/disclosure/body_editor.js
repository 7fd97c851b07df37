// 正文 editor of the item form: django-prose-editor's Tiptap (ProseMirror) build, served from this site's
// static files. The textarea stays the form field: the editor writes its HTML back on every change, and the
// server sanitises it (nh3) whatever arrives.
//
// Under the site's Content-Security-Policy nothing here is inline: the editor is created with injectCSS off
// (its few rules are in body_editor.css), the module is loaded by URL and no import map is needed.
//
// Pasting from Word or WPS: their HTML carries lists as paragraphs with an "mso-list" style and the marker
// typed into the text, and uses h1 for the document's own headings. Before ProseMirror reads the paste, those
// paragraphs become real <ol>/<ul> lists and headings move one level down (h1 is the page's title).
import {
  Blockquote,
  Bold,
  BulletList,
  Document,
  Dropcursor,
  Editor,
  Gapcursor,
  HardBreak,
  Heading,
  History,
  HorizontalRule,
  Image,
  Italic,
  Link,
  ListItem,
  OrderedList,
  Paragraph,
  Strike,
  Subscript,
  Superscript,
  Table,
  TableCell,
  TableHeader,
  TableRow,
  Text,
  Underline,
} from "../django_prose_editor/editor.js";

const ORDERED_MARKER = /^\s*(\(?[0-9０-９]+[.)）、．]|\(?[一二三四五六七八九十]+[)）、．.]|[a-zA-Z][.)])/;
const ANY_MARKER = /^\s*(\(?[0-9０-９]+[.)）、．]|\(?[一二三四五六七八九十]+[)）、．.]|[a-zA-Z][.)]|[·•●○■□◆◇▪§Ø-])\s*/;

// Style attributes are renamed before the paste is parsed: parsing them, even in a detached document, counts
// as applying inline style, which the CSP refuses (and reports). Their meaning is read from the copy.
const STYLE = "data-pasted-style";

function styleOf(node) {
  return node.getAttribute(STYLE) || "";
}

function isWordListParagraph(node) {
  if (node.nodeType !== 1 || node.tagName !== "P") return false;
  const style = styleOf(node);
  return /mso-list\s*:/i.test(style) || /^MsoList/i.test(node.className || "");
}

function listLevel(node) {
  const match = /level(\d+)/i.exec(styleOf(node));
  return match ? Number(match[1]) : 1;
}

function stripMarker(paragraph) {
  // Word wraps the marker in <span style="mso-list:Ignore">; WPS often types it into the text.
  for (const span of paragraph.querySelectorAll("span")) {
    if (/mso-list\s*:\s*ignore/i.test(styleOf(span))) span.remove();
  }
  const walker = paragraph.ownerDocument.createTreeWalker(paragraph, NodeFilter.SHOW_TEXT);
  let first = walker.nextNode();
  while (first && !first.data.trim()) first = walker.nextNode();
  if (first && ANY_MARKER.test(first.data)) first.data = first.data.replace(ANY_MARKER, "");
}

function convertWordLists(root) {
  const paragraphs = Array.from(root.querySelectorAll("p")).filter(isWordListParagraph);
  const done = new Set();
  for (const start of paragraphs) {
    if (done.has(start)) continue;
    const text = start.textContent || "";
    const ordered = ORDERED_MARKER.test(text);
    const list = root.ownerDocument.createElement(ordered ? "ol" : "ul");
    start.before(list);
    const stack = [{ level: listLevel(start), list }];
    let node = start;
    while (node && isWordListParagraph(node)) {
      const next = node.nextElementSibling;
      const level = listLevel(node);
      while (stack.length > 1 && level < stack[stack.length - 1].level) stack.pop();
      let top = stack[stack.length - 1];
      if (level > top.level && top.list.lastElementChild) {
        const nested = root.ownerDocument.createElement(ORDERED_MARKER.test(node.textContent || "") ? "ol" : "ul");
        top.list.lastElementChild.append(nested);
        stack.push({ level, list: nested });
        top = stack[stack.length - 1];
      }
      stripMarker(node);
      const item = root.ownerDocument.createElement("li");
      const paragraph = root.ownerDocument.createElement("p");
      paragraph.append(...node.childNodes);
      item.append(paragraph);
      top.list.append(item);
      done.add(node);
      node.remove();
      node = next;
    }
  }
}

function demoteHeadings(root) {
  for (const heading of Array.from(root.querySelectorAll("h1, h2, h3, h4, h5, h6")).reverse()) {
    const level = Math.min(Number(heading.tagName[1]) + 1, 4);
    const replacement = root.ownerDocument.createElement(`h${level}`);
    replacement.append(...heading.childNodes);
    heading.replaceWith(replacement);
  }
  // Word's own title style, when it is not a heading element.
  for (const title of root.querySelectorAll("p.MsoTitle")) {
    const heading = root.ownerDocument.createElement("h2");
    heading.append(...title.childNodes);
    title.replaceWith(heading);
  }
}

function wrapStyledSpans(root) {
  // Bold, italic and underline written as styles (WPS, web pages) become the elements the editor knows.
  const marks = [
    [/font-weight\s*:\s*(bold|[6-9]00)/i, "strong"],
    [/font-style\s*:\s*italic/i, "em"],
    [/text-decoration[^;]*underline/i, "u"],
  ];
  for (const element of Array.from(root.querySelectorAll(`[${STYLE}]`))) {
    const style = styleOf(element);
    for (const [pattern, tag] of marks) {
      if (!pattern.test(style) || /^(H[1-6]|TH)$/.test(element.tagName)) continue;
      const mark = root.ownerDocument.createElement(tag);
      mark.append(...element.childNodes);
      element.append(mark);
    }
    element.removeAttribute(STYLE);
  }
}

export function cleanPastedHTML(html) {
  // Conditional comments (<!--[if !supportLists]-->) hide Word's markers from browsers: drop them first,
  // with style sheets, and rename style attributes (see STYLE).
  const text = html
    .replace(/<!--\[if[\s\S]*?<!\[endif\]-->/gi, "")
    .replace(/<!\[if[^>]*>|<!\[endif\]>/gi, "")
    .replace(/<style[\s\S]*?<\/style\s*>/gi, "")
    .replace(/(<[^>]*?\s)style\s*=/gi, `$1${STYLE}=`);
  const doc = new DOMParser().parseFromString(text, "text/html");
  for (const element of doc.querySelectorAll("script, meta, link, o\\:p, xml")) element.remove();
  convertWordLists(doc.body);
  demoteHeadings(doc.body);
  wrapStyledSpans(doc.body);
  // Images pasted from a desktop program point at files on that computer, which no reader can open.
  for (const image of doc.querySelectorAll("img")) {
    const src = image.getAttribute("src") || "";
    if (!/^(https?:|\/)/i.test(src)) image.remove();
  }
  return doc.body.innerHTML;
}

function csrfToken(form) {
  const input = form && form.querySelector("input[name=csrfmiddlewaretoken]");
  return input ? input.value : "";
}

function setUpImageUpload(editor, textarea) {
  const url = textarea.dataset.imageUploadUrl;
  const panel = document.getElementById(`${textarea.id}-images`);
  if (!panel) return;
  if (!url) return; // a new item: the panel already says to save the draft first
  const input = panel.querySelector("input[type=file]");
  const status = panel.querySelector("[role=status]");
  const button = panel.querySelector("button");
  button.addEventListener("click", async () => {
    const file = input.files && input.files[0];
    if (!file) {
      status.textContent = "请先选择一张 JPEG 或 PNG 图片。";
      input.focus();
      return;
    }
    const body = new FormData();
    body.append("file", file);
    button.disabled = true;
    status.textContent = "正在上传……";
    try {
      const response = await fetch(url, {
        method: "POST",
        body,
        headers: { Accept: "application/json", "X-CSRFToken": csrfToken(textarea.form) },
        credentials: "same-origin",
      });
      const answer = await response.json().catch(() => ({ error: "上传失败，请稍后再试。" }));
      if (!response.ok) {
        status.textContent = answer.error || "上传失败，请稍后再试。";
        return;
      }
      const alt = (panel.querySelector("input[name=image_alt]").value || "").trim() || answer.name;
      editor.chain().focus().setImage({ src: answer.url, alt }).run();
      status.textContent = `已插入图片“${answer.name}”，并已作为附件保存。`;
      input.value = "";
    } catch {
      status.textContent = "上传失败：网络连接中断，请稍后再试。";
    } finally {
      button.disabled = false;
    }
  });
}

// The toolbar: plain buttons with Chinese names, each telling assistive technology whether it is on.
const TOOLS = [
  { label: "正文段落", run: (c) => c.setParagraph(), active: (e) => e.isActive("paragraph") },
  { label: "二级标题", run: (c) => c.toggleHeading({ level: 2 }), active: (e) => e.isActive("heading", { level: 2 }) },
  { label: "三级标题", run: (c) => c.toggleHeading({ level: 3 }), active: (e) => e.isActive("heading", { level: 3 }) },
  { label: "四级标题", run: (c) => c.toggleHeading({ level: 4 }), active: (e) => e.isActive("heading", { level: 4 }) },
  null,
  { label: "加粗", run: (c) => c.toggleBold(), active: (e) => e.isActive("bold") },
  { label: "倾斜", run: (c) => c.toggleItalic(), active: (e) => e.isActive("italic") },
  { label: "下划线", run: (c) => c.toggleUnderline(), active: (e) => e.isActive("underline") },
  null,
  { label: "项目符号列表", run: (c) => c.toggleBulletList(), active: (e) => e.isActive("bulletList") },
  { label: "编号列表", run: (c) => c.toggleOrderedList(), active: (e) => e.isActive("orderedList") },
  { label: "引用", run: (c) => c.toggleBlockquote(), active: (e) => e.isActive("blockquote") },
  null,
  { label: "插入表格", run: (c) => c.insertTable({ rows: 3, cols: 3, withHeaderRow: true }) },
  { label: "加一行", run: (c) => c.addRowAfter(), enabled: (e) => e.can().addRowAfter() },
  { label: "加一列", run: (c) => c.addColumnAfter(), enabled: (e) => e.can().addColumnAfter() },
  { label: "删除行", run: (c) => c.deleteRow(), enabled: (e) => e.can().deleteRow() },
  { label: "删除列", run: (c) => c.deleteColumn(), enabled: (e) => e.can().deleteColumn() },
  { label: "删除表格", run: (c) => c.deleteTable(), enabled: (e) => e.can().deleteTable() },
  null,
  { label: "撤销", run: (c) => c.undo(), enabled: (e) => e.can().undo() },
  { label: "重做", run: (c) => c.redo(), enabled: (e) => e.can().redo() },
];

function buildToolbar(editor, wrapper, name) {
  const bar = document.createElement("div");
  bar.className = "body-editor__toolbar";
  bar.setAttribute("role", "toolbar");
  bar.setAttribute("aria-label", `${name}格式`);
  const buttons = [];
  for (const tool of TOOLS) {
    if (!tool) {
      const gap = document.createElement("span");
      gap.className = "body-editor__gap";
      gap.setAttribute("aria-hidden", "true");
      bar.append(gap);
      continue;
    }
    const button = document.createElement("button");
    button.type = "button";
    button.textContent = tool.label;
    button.addEventListener("mousedown", (event) => event.preventDefault()); // keep the selection
    button.addEventListener("click", () => tool.run(editor.chain().focus()).run());
    bar.append(button);
    buttons.push([button, tool]);
  }
  const refresh = () => {
    for (const [button, tool] of buttons) {
      if (tool.active) button.setAttribute("aria-pressed", tool.active(editor) ? "true" : "false");
      if (tool.enabled) button.disabled = !tool.enabled(editor);
    }
  };
  editor.on("transaction", refresh);
  editor.on("selectionUpdate", refresh);
  wrapper.prepend(bar);
  refresh();
}

function createEditor(textarea) {
  if (textarea.closest(".prose-editor")) return null;
  const wrapper = document.createElement("div");
  wrapper.className = "prose-editor body-editor";
  textarea.before(wrapper);
  wrapper.append(textarea);
  const label = document.querySelector(`label[for="${textarea.id}"]`);
  const editor = new Editor({
    element: wrapper,
    injectCSS: false,
    content: textarea.value,
    extensions: [
      Document,
      Paragraph,
      Text,
      HardBreak,
      History,
      Dropcursor,
      Gapcursor,
          Bold,
      Italic,
      Underline,
      Strike,
      Subscript,
      Superscript,
      Heading.configure({ levels: [2, 3, 4] }),
      BulletList,
      OrderedList,
      ListItem,
      Blockquote,
      HorizontalRule,
      Link.configure({ openOnClick: false }),
      Image,
      Table,
      TableRow,
      TableHeader,
      TableCell,
    ],
    editorProps: {
      transformPastedHTML: cleanPastedHTML,
      attributes: {
        role: "textbox",
        "aria-multiline": "true",
        "aria-label": label ? label.textContent.trim() : "正文",
        ...(textarea.getAttribute("aria-describedby")
          ? { "aria-describedby": textarea.getAttribute("aria-describedby") }
          : {}),
      },
    },
    onUpdate({ editor: current }) {
      const html = current.getHTML();
      textarea.value = /^<(\w+)(\s[^>]*)?><\/\1>$/i.test(html) ? "" : html;
      textarea.dispatchEvent(new Event("input", { bubbles: true }));
    },
  });
  if (label) {
    // The visible label now names the editing area: a click on it puts the cursor there.
    label.addEventListener("click", (event) => {
      event.preventDefault();
      editor.commands.focus();
    });
  }
  buildToolbar(editor, wrapper, label ? label.textContent.trim() : "正文");
  textarea.hidden = true;
  textarea.setAttribute("aria-hidden", "true");
  textarea.tabIndex = -1;
  setUpImageUpload(editor, textarea);
  textarea.dispatchEvent(new CustomEvent("body-editor:ready", { detail: { editor }, bubbles: true }));
  window.gongkaiBodyEditors = window.gongkaiBodyEditors || {};
  window.gongkaiBodyEditors[textarea.id] = editor;
  return editor;
}

for (const textarea of document.querySelectorAll("textarea[data-body-editor]")) createEditor(textarea);
