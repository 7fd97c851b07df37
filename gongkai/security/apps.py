from django.apps import AppConfig


class SecurityConfig(AppConfig):
    name = "gongkai.security"
    label = "security"
    verbose_name = "账号安全"

    def ready(self):
        from django.db.backends.signals import connection_created

        from gongkai.security import files, signals  # noqa: F401

        connection_created.connect(files.on_connection, dispatch_uid="gongkai.security.protect_data")
