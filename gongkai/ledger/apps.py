from django.apps import AppConfig


class LedgerConfig(AppConfig):
    name = "gongkai.ledger"
    verbose_name = "工作台账"
