"""`gongkai report parse FILE [--json]`, `report check FILE` and `report import DIR`: what they print and
their exit codes (0; 1 when an error-severity check fails; 2 for input that cannot be read)."""

import json
import shutil

from gongkai.cli import main
from gongkai.formats.render import render
from tests.importer.support import FIXTURES, NARRATIVE, SEED, cell_sets


def test_parse_json_prints_cells_with_unread_sections_and_provenance(capsys):
    assert main(["report", "parse", str(SEED), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["format_version"] == "2019" and data["year"] == 2020
    assert data["section2"]["art20_5"]["other_services"] == {"prev_items": 71, "change": 5, "decisions": 9016}
    assert data["section2"]["art20_6"]["penalty"]["decisions"] is None
    assert any("section3.new_received.total" in e["cells"] and e["reason"] for e in data["unread"])
    assert data["provenance"]["section2.art20_5.other_services.change"] == {
        "text": "增 5",
        "how": "order",
        "line": 48,
        "col": 3,
    }
    assert "均为 0" in data["sections"]["一"]


def test_parse_without_json_lists_what_was_read(capsys):
    assert main(["report", "parse", str(FIXTURES / "020_suixi_beipo_2022.txt")]) == 0
    out = capsys.readouterr().out
    assert "遂溪县北坡镇人民政府 2022 年报告" in out and "190.457379" in out


def test_check_of_a_report_with_an_arithmetic_error_exits_1(tmp_path, capsys):
    cells = cell_sets("2021")["busy"]
    cells["section3.granted.total"] += 1
    path = tmp_path / "report.html"
    path.write_bytes(render("html", cells, NARRATIVE))
    assert main(["report", "check", str(path)]) == 1
    assert "[A3] 错误" in capsys.readouterr().out


def test_unreadable_input_exits_2_with_a_chinese_message(tmp_path, capsys):
    assert main(["report", "check", str(tmp_path / "missing.pdf")]) == 2
    assert "找不到文件" in capsys.readouterr().err
    (tmp_path / "old.doc").write_bytes(b"\xd0\xcf\x11\xe0 old word")
    assert main(["report", "parse", str(tmp_path / "old.doc")]) == 2
    assert "另存为 .docx" in capsys.readouterr().err
    assert main(["report", "check"]) == 2  # neither a file nor --cells


def test_check_with_cells_json_still_works(capsys):
    from tests.formats.conftest import SEED_CELLS

    assert main(["report", "check", "--cells", str(SEED_CELLS)]) == 0


def test_import_prints_a_summary_row_per_file_and_a_progress_bar(tmp_path, capsys):
    for name in ("026_lueyang_zrzy_2021.txt", "048_yueyang_nanhu_bm_2019.txt"):
        shutil.copy(FIXTURES / name, tmp_path / name)
    shutil.copy(SEED, tmp_path / "seed.txt")
    (tmp_path / "notes.txt").write_text("这不是年度报告。", encoding="utf-8")
    (tmp_path / "report.docx").write_bytes(render("docx", cell_sets("2019")["busy"], NARRATIVE))
    assert main(["report", "import", str(tmp_path)]) == 0
    captured = capsys.readouterr()
    lines = captured.out.splitlines()
    assert lines[0].split() == ["文件", "机关", "年度", "格式", "读入单元格", "发现"]
    row = next(line for line in lines if line.startswith("026_"))
    assert "略阳县自然资源局" in row and "2021" in row and "2019" in row and "import.template" in row
    assert (
        "乐清市退役军人事务局" in next(line for line in lines if line.startswith("seed.txt"))
        and "A9" in captured.out
    )
    assert "198/198" in next(line for line in lines if line.startswith("report.docx"))
    assert "无法读取" in next(line for line in lines if line.startswith("notes.txt"))
    assert "共 5 个文件，读入 4 个，无法读取 1 个" in lines[-1]
    assert "5/5" in captured.err


def test_import_of_a_missing_folder_exits_2(tmp_path, capsys):
    assert main(["report", "import", str(tmp_path / "none")]) == 2
    assert "找不到文件夹" in capsys.readouterr().err


def test_import_reads_every_file_of_the_folder_by_its_content_whatever_its_name(tmp_path, capsys):
    page = render("html", cell_sets("2021")["busy"], NARRATIVE).decode("utf-8")
    (tmp_path / "年报.doc").write_bytes(page.replace('<meta charset="utf-8">', "").encode("gb18030"))
    (tmp_path / "年报").write_bytes(render("xlsx", cell_sets("2019")["busy"], NARRATIVE))
    assert main(["report", "import", str(tmp_path), "--json"]) == 0
    rows = {row["file"]: row for row in json.loads(capsys.readouterr().out)}
    assert rows["年报.doc"]["cells_read"] == rows["年报.doc"]["cells_total"]
    assert rows["年报"]["format"] == "2019" and rows["年报"]["cells_read"] == rows["年报"]["cells_total"]
