from django.apps import AppConfig


class AgenciesConfig(AppConfig):
    name = "gongkai.agencies"
    label = "agencies"
    verbose_name = "机关与人员"

    def ready(self):
        # Connect the log-in/log-out audit receivers.
        from gongkai.agencies import signals  # noqa: F401
