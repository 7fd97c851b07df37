import datetime

from django import forms

from gongkai.agencies.models import Agency
from gongkai.disclosure.models import CatalogueCategory, ItemKind, Validity

ORDER_CHOICES = [("newest", "按发布日期（最新在前）"), ("relevance", "按相关度")]
DATE_FORMAT = "%Y-%m-%d"


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format=DATE_FORMAT, **kwargs)


class SearchForm(forms.Form):
    """What a reader may ask of search. On an agency's pages the agency is fixed; site-wide it is a choice,
    and the categories offered are the chosen agency's (categories belong to one agency)."""

    q = forms.CharField(label="检索词", required=False, max_length=100)
    agency = forms.ModelChoiceField(
        label="机关",
        queryset=Agency.objects.none(),
        required=False,
        empty_label="全部机关",
        to_field_name="code",
    )
    category = forms.ModelChoiceField(
        label="目录类目", queryset=CatalogueCategory.objects.none(), required=False, empty_label="全部类目"
    )
    published_from = forms.DateField(label="发布日期从", required=False, widget=DateInput())
    published_to = forms.DateField(label="发布日期至", required=False, widget=DateInput())
    document_year = forms.IntegerField(
        label="文号年份",
        required=False,
        min_value=1949,
        max_value=2100,
        help_text="文号六角括号中的年份，如 乐政办发〔2024〕12号 为 2024。",
    )
    year = forms.IntegerField(label="发布年份", required=False, min_value=1990, max_value=2100)
    publisher = forms.CharField(label="发布机构", required=False, max_length=100)
    validity = forms.ChoiceField(label="有效性", choices=[("", "全部")] + Validity.choices, required=False)
    kind = forms.ChoiceField(label="文件类型", choices=[("", "全部")] + ItemKind.choices, required=False)
    order = forms.ChoiceField(label="排序", choices=ORDER_CHOICES, required=False)

    def __init__(self, *args, agency=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fixed_agency = agency
        self.fields["q"].error_messages["max_length"] = "检索词不能超过 %(limit_value)d 个字。"
        for name, what in (("year", "发布年份"), ("document_year", "文号年份")):
            self.fields[name].error_messages.update(
                invalid=f"{what}请输入四位数字的年份。",
                min_value=f"{what}不能早于 %(limit_value)s 年。",
                max_value=f"{what}不能晚于 %(limit_value)s 年。",
            )
        for name in ("published_from", "published_to"):
            self.fields[name].error_messages["invalid"] = "请按“年-月-日”填写日期，如 2024-03-01。"
        self.fields["category"].error_messages["invalid_choice"] = "请选择所选机关的目录类目。"
        self.fields["agency"].error_messages["invalid_choice"] = "没有找到该机关，请从列表中选择。"
        for name in ("validity", "kind", "order"):
            self.fields[name].error_messages["invalid_choice"] = "请从列表中选择。"
        if agency is not None:
            del self.fields["agency"]  # an agency's own search page searches that agency
        else:
            self.fields["agency"].queryset = Agency.objects.order_by("name")
        chosen = agency if agency is not None else self._chosen_agency()
        # Set when a category chosen earlier is not one of the agency now chosen (the reader changed the
        # agency and left the category as it was): the search runs over all categories and says so,
        # instead of stopping at an error about a field the reader did not touch.
        self.category_dropped = False
        if chosen is None:
            self.fields["category"].help_text = "先选择机关并检索一次，再按该机关的目录类目筛选。"
            self.fields["category"].disabled = True
        else:
            categories = CatalogueCategory.objects.filter(agency=chosen).order_by("position", "code")
            self.fields["category"].queryset = categories
            raw = (self.data.get("category") or "").strip() if self.is_bound else ""
            if raw and not (raw.isascii() and raw.isdigit() and categories.filter(pk=int(raw)).exists()):
                self.data = self.data.copy()
                self.data["category"] = ""
                self.category_dropped = True

    def _chosen_agency(self):
        code = (self.data.get("agency") or "").strip() if self.is_bound else ""
        return Agency.objects.filter(code=code).first() if code else None

    def clean(self):
        data = super().clean()
        start, end = data.get("published_from"), data.get("published_to")
        if start and end and start > end:
            self.add_error("published_to", "结束日期不能早于开始日期。")
        for name in ("published_from", "published_to"):
            day = data.get(name)
            if day and not datetime.date(1900, 1, 1) <= day <= datetime.date(2100, 12, 31):
                self.add_error(name, "请填写 1900 年至 2100 年之间的日期。")
        return data

    def filter_names(self) -> str:
        """The filter panel's fields by their labels (the date range once), for its heading."""
        names = []
        for name, field in self.fields.items():
            label = "发布日期" if name in ("published_from", "published_to") else field.label
            if name != "q" and label not in names:
                names.append(label)
        return "、".join(names)

    def applied_filters(self) -> list[tuple[str, str]]:
        """The filters a valid search applied, as (label, value) the reader can read back."""
        shown = []
        for name, value in self.cleaned_data.items():
            if name in ("q", "order") or value in (None, ""):
                continue
            field = self.fields[name]
            if isinstance(field, forms.ChoiceField) and not isinstance(field, forms.ModelChoiceField):
                value = dict(field.choices).get(value, value)
            elif isinstance(value, datetime.date):
                value = value.strftime(DATE_FORMAT)
            shown.append((field.label, str(value)))
        return shown

    def agency_choice(self):
        """The agency searched: the page's own, or the one chosen (None: every agency)."""
        if self.fixed_agency is not None:
            return self.fixed_agency
        return self.cleaned_data.get("agency")
