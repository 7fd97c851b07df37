"""Every download names its file through Django's FileResponse(as_attachment=True, filename=…), which writes
the RFC 6266 header (filename*=utf-8''… for a Chinese name): no module of gongkai writes Content-Disposition
or a filename parameter itself."""

import ast
import re
from pathlib import Path

import gongkai

FILENAME_PARAMETER = re.compile(r"filename\*?\s*=", re.IGNORECASE)


def written_by_hand(source: str) -> list[int]:
    """Lines with a string that is the header's name or holds a filename parameter of its value."""
    return sorted(
        node.lineno
        for node in ast.walk(ast.parse(source))
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and (node.value.lower() == "content-disposition" or FILENAME_PARAMETER.search(node.value))
    )


def test_no_module_writes_a_content_disposition_header():
    root = Path(gongkai.__file__).parent
    found = [
        f"{path.relative_to(root.parent)}:{line}"
        for path in sorted(root.rglob("*.py"))
        for line in written_by_hand(path.read_text(encoding="utf-8"))
    ]
    assert not found, f"下载文件名须经 FileResponse(as_attachment=True, filename=…) 写出：{found}"


def test_the_check_recognises_a_header_written_by_hand():
    assert written_by_hand("""response["Content-Disposition"] = f"attachment; filename*=UTF-8''{name}\"""")
    assert written_by_hand("""HttpResponse(data, headers={"content-disposition": "inline"})""")
    assert written_by_hand("""value = f'inline; filename="{name}"'""")
    assert not written_by_hand("""FileResponse(data, as_attachment=True, filename=name)""")
    assert not written_by_hand(
        """response["Access-Control-Expose-Headers"] = "Retry-After, Content-Disposition\""""
    )
