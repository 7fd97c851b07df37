from django.apps import AppConfig


class SecurityConfig(AppConfig):
    name = "gongkai.security"
    label = "security"
    verbose_name = "账号安全"

    def ready(self):
        from gongkai.security import signals  # noqa: F401
