"""The table of Django's database cache (settings.CACHES["pages"]), made by `migrate` so no deployment forgets it."""

from django.core.management import call_command
from django.db import migrations


def create_cache_table(apps, schema_editor):
    call_command("createcachetable", database=schema_editor.connection.alias, verbosity=0)


class Migration(migrations.Migration):
    dependencies = [("content", "0004_summary")]

    operations = [migrations.RunPython(create_cache_table, migrations.RunPython.noop, elidable=True)]
