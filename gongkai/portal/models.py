from django.db import models


class PortalGeneration(models.Model):
    """One row whose number grows whenever anything the portal shows changes (see page_cache)."""

    number = models.BigIntegerField(default=0)

    class Meta:
        verbose_name = "门户内容版本"

    def __str__(self) -> str:
        return f"门户内容版本 {self.number}"
