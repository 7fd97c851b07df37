"""OFD test files made from gongkai's own PDFs, as PDF-to-OFD converters make them: each run of text on a
line becomes a text object with its boundary (millimetres), font size, and the advance of every character."""

import zipfile
from io import BytesIO
from xml.sax.saxutils import escape

import pypdfium2

MM_PER_POINT = 25.4 / 72
NS = 'xmlns:ofd="http://www.ofdspec.org/2016"'


def _runs(page):
    """(text, [(left, right)], top, bottom, size) per run of characters on one line, in points from the top."""
    textpage = page.get_textpage()
    height = page.get_height()
    count = textpage.count_chars()
    runs, current = [], None
    for i in range(count):
        char = textpage.get_text_range(i, 1)
        if char in "\r\n":
            current = None
            continue
        left, bottom, right, top = textpage.get_charbox(i, loose=True)
        line = height - top
        if current is None or abs(current["top"] - line) > 1 or left < current["right"] - 0.5:
            current = {"text": "", "edges": [], "top": line, "bottom": height - bottom, "right": right}
            runs.append(current)
        current["text"] += char
        current["edges"].append((left, right))
        current["right"] = right
    textpage.close()
    return runs


def ofd_from_pdf(pdf: bytes, *, compress_advances: bool = True) -> bytes:
    document = pypdfium2.PdfDocument(pdf)
    out = BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(
            "OFD.xml",
            f'<?xml version="1.0" encoding="UTF-8"?><ofd:OFD {NS} Version="1.1" DocType="OFD"><ofd:DocBody>'
            "<ofd:DocInfo><ofd:DocID>0</ofd:DocID></ofd:DocInfo><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot>"
            "</ofd:DocBody></ofd:OFD>",
        )
        pages = []
        next_id = 100
        for index in range(len(document)):
            page = document[index]
            width, height = page.get_width() * MM_PER_POINT, page.get_height() * MM_PER_POINT
            objects = []
            for run in _runs(page):
                if not run["text"].strip():
                    continue
                x0 = run["edges"][0][0]
                size = (run["bottom"] - run["top"]) * MM_PER_POINT
                starts = [left for left, _ in run["edges"]]
                advances = [(b - a) * MM_PER_POINT for a, b in zip(starts, starts[1:], strict=False)]
                delta = " ".join(f"{v:.3f}" for v in advances)
                if compress_advances and len(set(f"{v:.3f}" for v in advances)) == 1 and len(advances) > 1:
                    delta = f"g {len(advances)} {advances[0]:.3f}"
                next_id += 1
                boundary = (
                    x0 * MM_PER_POINT,
                    run["top"] * MM_PER_POINT,
                    (run["right"] - x0) * MM_PER_POINT,
                    size,
                )
                objects.append(
                    f'<ofd:TextObject ID="{next_id}" Boundary="{" ".join(f"{v:.3f}" for v in boundary)}" '
                    f'Font="2" Size="{size * 0.85:.3f}"><ofd:TextCode X="0" Y="{size * 0.85:.3f}" '
                    f'DeltaX="{delta}">{escape(run["text"])}</ofd:TextCode></ofd:TextObject>'
                )
            page.close()
            archive.writestr(
                f"Doc_0/Pages/Page_{index}/Content.xml",
                f'<?xml version="1.0" encoding="UTF-8"?><ofd:Page {NS}><ofd:Area><ofd:PhysicalBox>0 0 {width:.3f} '
                f'{height:.3f}</ofd:PhysicalBox></ofd:Area><ofd:Content><ofd:Layer ID="{index + 10}">'
                + "".join(objects)
                + "</ofd:Layer></ofd:Content></ofd:Page>",
            )
            pages.append(f'<ofd:Page ID="{index + 1}" BaseLoc="Pages/Page_{index}/Content.xml"/>')
        document.close()
        archive.writestr(
            "Doc_0/Document.xml",
            f'<?xml version="1.0" encoding="UTF-8"?><ofd:Document {NS}><ofd:CommonData><ofd:MaxUnitID>{next_id}'
            "</ofd:MaxUnitID><ofd:PageArea><ofd:PhysicalBox>0 0 210 297</ofd:PhysicalBox></ofd:PageArea>"
            "</ofd:CommonData><ofd:Pages>" + "".join(pages) + "</ofd:Pages></ofd:Document>",
        )
    return out.getvalue()
