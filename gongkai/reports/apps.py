from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "gongkai.reports"
    verbose_name = "年度报告"

    def ready(self):
        # The period lock watches every record that feeds a report; see gongkai.reports.locks.
        from gongkai.reports import locks

        locks.connect()
