"""`gongkai clock FILE` reads whatever is in the file — not JSON, the wrong shape, odd values, another
encoding — and prints a JSON result (exit 0) or a Chinese reason (exit 2); never a traceback."""

import json
import re
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gongkai.cli import main
from gongkai.rules.clock import EventType

pytestmark = pytest.mark.django_db

CHINESE = re.compile(r"[\u4e00-\u9fff]")
SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**6), 10**6),
    st.text(max_size=10),
    st.dates(min_value=date(2019, 1, 2), max_value=date(2026, 6, 30)).map(date.isoformat),
)
VALUES = st.recursive(
    SCALARS,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3),
)
EVENT = st.fixed_dictionaries(
    {"type": st.sampled_from([t.value for t in EventType]) | st.text(max_size=8)},
    optional={
        "date": SCALARS,
        "workdays": SCALARS,
        "correction_deadline": SCALARS,
        "party": st.sampled_from(["third_party", "agency"]) | SCALARS,
        "deadline": SCALARS,
        "method": st.sampled_from(["direct", "post"]) | SCALARS,
    },
)
DOCUMENTS = st.one_of(
    st.fixed_dictionaries({"events": st.lists(EVENT | VALUES, max_size=6)}).map(json.dumps),
    VALUES.map(json.dumps),
    st.binary(max_size=60).map(lambda b: b.decode("latin-1")),
)


@settings(max_examples=150, suppress_health_check=list(HealthCheck), deadline=None)
@given(text=DOCUMENTS, as_of=st.one_of(st.none(), st.text(max_size=12), st.just("2026-03-01")))
def test_any_file_gives_json_or_a_reason(tmp_path_factory, capsys, text, as_of):
    path = tmp_path_factory.mktemp("clock") / "events.json"
    path.write_bytes(
        text.encode("utf-8", "surrogatepass") if text.isascii() else text.encode("gbk", "ignore")
    )
    argv = ["clock", str(path)] + (["--as-of", as_of] if as_of is not None else [])
    try:
        code = main(argv)
    except SystemExit as exc:  # argparse refusing an --as-of that looks like an option
        code = exc.code
    out, err = capsys.readouterr()
    assert code in (0, 2)
    if code == 0:
        assert "status" in json.loads(out)
    else:
        assert CHINESE.search(err) or "用法" in err, err
