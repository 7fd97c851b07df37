"""`gongkai report check FILE` reads a published report and runs every check its content allows: on the
seed, rule A9 finds §一 saying the 处理决定数量 were 0 while §二 gives 9016."""

import json

from gongkai.cli import main
from tests.importer.support import SEED


def test_the_seed_check_reports_the_contradiction_and_exits_0_for_a_warning(capsys):
    assert main(["report", "check", str(SEED)]) == 0
    out = capsys.readouterr().out
    [line] = [line for line in out.splitlines() if line.startswith("[A9]")]
    assert "9016" in line and "section2.art20_5.other_services.decisions" in line
    assert "未读入 52 个单元格" in out  # the page break is part of the answer


def test_the_json_findings_carry_the_sentence(capsys):
    assert main(["report", "check", str(SEED), "--json"]) == 0
    findings = json.loads(capsys.readouterr().out)
    [a9] = [f for f in findings if f["rule"] == "A9"]
    assert a9["where"]["section"] == "一" and "均为 0" in a9["where"]["quote"]
