"""Where a command puts what it made: a file given with -o, or standard output for "-"."""

import sys
from pathlib import Path


def write_result(content: bytes, output: str, fail, *, encoding: str = "utf-8", saved: str = "") -> int:
    """Write `content` and return the exit code: 0, or what `fail(message)` returns if the file cannot be
    written. A file written is announced on standard output ("已生成 …", then `saved`)."""
    if output == "-":
        sys.stdout.write(content.decode(encoding))
        return 0
    try:
        Path(output).write_bytes(content)
    except OSError as e:
        return fail(f"无法写入 {output}：{e}")
    print(f"已生成 {output}{saved}")
    return 0
