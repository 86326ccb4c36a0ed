from django.contrib.postgres.operations import TrigramExtension
from django.db import migrations


class Migration(migrations.Migration):
    """The PostgreSQL search backend finds similar words ("menade du") with trigrams.

    Does nothing on SQLite. Creating an extension needs a database owner with the right to do
    so; where that is not granted, run `CREATE EXTENSION pg_trgm` once as a superuser.
    """

    dependencies = []
    operations = [TrigramExtension()]
