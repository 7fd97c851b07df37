"""The choices on the supervision pages (GET): year, drafts included or not, the metric compared."""

from django import forms

from gongkai.formats.registry import all_formats
from gongkai.supervision.metrics import METRICS


def year_choices(today) -> list[tuple[int, str]]:
    first = all_formats()[0].first_year
    return [(y, f"{y}年") for y in range(today.year, first - 1, -1)]


class ChoiceForm(forms.Form):
    year = forms.TypedChoiceField(
        label="报告年度", coerce=int, error_messages={"invalid_choice": "请选择列出的年度。"}
    )
    drafts = forms.BooleanField(label="未发布的机关计入其草稿（由记录计算）", required=False)
    metric = forms.ChoiceField(
        label="比较指标",
        choices=[(m.key, m.label) for m in METRICS.values()],
        required=False,
        error_messages={"invalid_choice": "请选择列出的指标。"},
    )

    def __init__(self, data, *, today):
        super().__init__(data)
        self.fields["year"].choices = year_choices(today)
        self.default_year = today.year - 1

    def choices(self) -> tuple[int, bool, str]:
        """(year, drafts, metric), the defaults standing in for anything invalid (the errors are shown)."""
        if self.is_valid():
            data = self.cleaned_data
            return data["year"], data["drafts"], data["metric"] or "substantive_disclosure_rate"
        data = getattr(self, "cleaned_data", {})
        return (
            data.get("year", self.default_year),
            data.get("drafts", False),
            data.get("metric") or "substantive_disclosure_rate",
        )
