"""After the demo loads, the 2020 report of 乐清市退役军人事务局 is generated from records and published: six
sections in order, §二–§四 equal to the seed's tables, §一 stating the seed's figures (with the records'
9016 decisions where the seed's own text said 0), the contact block, no error finding — and the same
agency has a 2021 report in the 2021 format."""

import json
from pathlib import Path

import pytest

from gongkai.cli import main
from gongkai.demo import load_demo
from gongkai.reports.models import AnnualReport

pytestmark = pytest.mark.django_db
SEED_CELLS = Path(__file__).resolve().parents[1] / "data" / "seed_2020_cells.json"
SEED_FIGURES = [
    "全年共制发公文50件，其中主动公开28件、不公开22件",
    "主动公开其他政府信息14条，其中机构设置5条、人事任免3条、公示公告6条",
    "其他对外管理服务事项上一年项目数量71项、本年增5项",
    "本年作出处理决定：行政许可0件、其他对外管理服务事项9016件、行政处罚0件、行政强制0件",
    "浙江省退役军人事务厅公众号21次、浙江省退役军人事务厅网站38次、浙江新闻29次、乐清日报24次、"
    "温州市退役军人事务局公众号93次、其他媒体4次",
    "开展线下宣传活动8次，发放政策折页和宣传资料2600份，通过电子屏开展宣传395次",
    "组织政务公开业务培训2次",
    "8个大类、18个小类",
    "全年新收政府信息公开申请0件",
    "被申请行政复议0件、被提起行政诉讼0件",
]


def leaves(node, prefix=""):
    out = {}
    for key, value in node.items():
        if isinstance(value, dict):
            out.update(leaves(value, f"{prefix}{key}."))
        else:
            out[f"{prefix}{key}"] = value
    return out


def build(capsys, *args):
    code = main(["report", "build", "--agency", "乐清市退役军人事务局", *args])
    return code, capsys.readouterr().out


def test_the_published_2020_report_reproduces_the_seed_from_records(capsys, tmp_path, client):
    load_demo()
    code, out = build(capsys, "--year", "2020", "--format", "json")
    assert code == 0
    report = json.loads(out)
    seed = json.loads(SEED_CELLS.read_text(encoding="utf-8"))
    assert report["format_version"] == "2019" and report["version"]["number"] == 1
    for section in ("section2", "section3", "section4"):
        ours, theirs = leaves(report[section]), leaves(seed[section])
        assert {a: ours[a] for a, v in theirs.items() if v is not None} == {
            a: v for a, v in theirs.items() if v is not None
        }
    assert not [f for f in report["findings"] if f["severity"] == "error"]

    assert list(report["sections"]) == ["一", "二", "三", "四", "五", "六"]
    first = report["sections"]["一"]
    for figure in SEED_FIGURES:
        assert figure in first
    assert "均为0" not in first and "均为 0" not in first
    headings = [
        "（一）主动公开",
        "（二）依申请公开",
        "（三）政府信息管理",
        "（四）政府信息公开平台建设",
        "（五）监督保障",
    ]
    assert [first.index(h) for h in headings] == sorted(first.index(h) for h in headings)
    assert report["sections"]["五"] and "信息处理费" in report["sections"]["六"]
    facts = report["facts"]
    assert (facts["documents_issued"], facts["documents_proactive"], facts["documents_not_public"]) == (
        50,
        28,
        22,
    )
    assert (
        facts["outreach"]["outlets"]["乐清日报"] == 24
        and facts["outreach"]["channels"]["screen"]["times"] == 395
    )

    target = tmp_path / "r.html"
    assert build(capsys, "--year", "2020", "--format", "html", "-o", str(target))[0] == 0
    html = target.read_text(encoding="utf-8")
    titles = [
        "一、总体情况",
        "二、主动公开政府信息情况",
        "三、收到和处理政府信息公开申请情况",
        "四、政府信息公开行政复议、行政诉讼情况",
        "五、",
        "六、其他需要报告的事项",
    ]
    assert [html.index(f"<h2>{t}") for t in titles] == sorted(html.index(f"<h2>{t}") for t in titles)
    assert "0577-61882068" in html and "http://www.yueqing.gov.cn/" in html
    assert "<svg" in html  # the trend of items: 2020 alone, the years before it had no report
    assert "2016、2017、2018、2019年无年度报告，未列入" in html

    later = AnnualReport.objects.get(agency__code="yqtyjrswj", year=2021)
    assert later.format_version == "2021" and later.versions.count() == 0
    code, out = build(capsys, "--year", "2021", "--format", "json")
    assert json.loads(out)["format_version"] == "2021" and "version" not in json.loads(out)

    page = client.get("/yqtyjrswj/reports/2020/")
    assert page.status_code == 200
    text = page.content.decode()
    assert "全年共制发公文50件" in text and "0577-61882068" in text
    pdf = client.get("/yqtyjrswj/reports/2020/v1/pdf/")
    docx = client.get("/yqtyjrswj/reports/2020/v1/docx/")
    assert pdf.getvalue().startswith(b"%PDF") and docx.getvalue().startswith(b"PK")
    assert client.get("/yqtyjrswj/reports/2021/").status_code == 404  # a draft is not on the portal
