from django import forms

from gongkai.disclosure.models import CatalogueCategory, ItemKind, Validity

ORDER_CHOICES = [("newest", "按发布日期（最新在前）"), ("relevance", "按相关度")]


class SearchForm(forms.Form):
    q = forms.CharField(label="检索词", required=False, max_length=100)
    category = forms.ModelChoiceField(
        label="目录类目", queryset=CatalogueCategory.objects.none(), required=False, empty_label="全部类目"
    )
    year = forms.IntegerField(label="发布年份", required=False, min_value=1990, max_value=2100)
    publisher = forms.CharField(label="发布机构", required=False, max_length=100)
    validity = forms.ChoiceField(label="有效性", choices=[("", "全部")] + Validity.choices, required=False)
    kind = forms.ChoiceField(label="文件类型", choices=[("", "全部")] + ItemKind.choices, required=False)
    order = forms.ChoiceField(label="排序", choices=ORDER_CHOICES, required=False)

    def __init__(self, *args, agency=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["q"].error_messages["max_length"] = "检索词不能超过 %(limit_value)d 个字。"
        self.fields["year"].error_messages.update(
            invalid="请输入四位数字的年份。",
            min_value="年份不能早于 %(limit_value)s 年。",
            max_value="年份不能晚于 %(limit_value)s 年。",
        )
        self.fields["category"].error_messages["invalid_choice"] = "请选择本机关的目录类目。"
        for name in ("validity", "kind", "order"):
            self.fields[name].error_messages["invalid_choice"] = "请从列表中选择。"
        if agency is None:
            del self.fields["category"]  # categories belong to one agency; site-wide search has none
        else:
            self.fields["category"].queryset = CatalogueCategory.objects.filter(agency=agency).order_by(
                "position", "code"
            )
