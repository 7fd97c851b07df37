from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "gongkai.search"
    label = "search"
    verbose_name = "全文检索"

    def ready(self):
        from gongkai.search import indexing  # noqa: F401 — connects the signals
