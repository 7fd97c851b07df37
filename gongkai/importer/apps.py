from django.apps import AppConfig


class ImporterConfig(AppConfig):
    name = "gongkai.importer"
    verbose_name = "导入已发布的年度报告"
