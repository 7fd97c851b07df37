from django.db import migrations, models


class Migration(migrations.Migration):
    """A lock belongs to an account name *and* the address the failures came from: the last address of
    each existing record becomes its address."""

    dependencies = [
        ("security", "0002_rate_counters"),
    ]

    operations = [
        migrations.RenameField(model_name="loginlock", old_name="last_address", new_name="address"),
        migrations.AlterField(
            model_name="loginlock",
            name="address",
            field=models.CharField(blank=True, max_length=64, verbose_name="来源地址"),
        ),
        migrations.AlterField(
            model_name="loginlock",
            name="username",
            field=models.CharField(max_length=150, verbose_name="用户名"),
        ),
        migrations.AddField(
            model_name="loginlock",
            name="last_success_at",
            field=models.DateTimeField(blank=True, null=True, verbose_name="最近从此地址登录成功"),
        ),
        migrations.AddConstraint(
            model_name="loginlock",
            constraint=models.UniqueConstraint(fields=("username", "address"), name="login_lock_per_name_and_address"),
        ),
    ]
