from django.apps import AppConfig
from django.core import checks


class ApplicationsConfig(AppConfig):
    name = "gongkai.applications"
    label = "applications"
    verbose_name = "依申请公开"

    def ready(self):
        from gongkai.applications import crypto

        checks.register(crypto.check_field_key, checks.Tags.security, deploy=False)
