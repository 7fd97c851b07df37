from django.db import migrations


def seed(apps, schema_editor):
    from gongkai.calendar.seed import seed as seed_years

    seed_years(apps.get_model("calendar", "CalendarYear"), apps.get_model("calendar", "CalendarDay"))


def unseed(apps, schema_editor):
    from gongkai.calendar.seed import FIRST_YEAR, LAST_YEAR

    apps.get_model("calendar", "CalendarYear").objects.filter(year__range=(FIRST_YEAR, LAST_YEAR)).delete()


class Migration(migrations.Migration):
    dependencies = [("calendar", "0001_initial")]

    operations = [migrations.RunPython(seed, unseed)]
