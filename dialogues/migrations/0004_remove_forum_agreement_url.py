# Separate from 0003: PostgreSQL cannot alter a table with pending trigger events, which
# the data step in 0003 leaves behind until its transaction commits.

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('dialogues', '0003_agreement_links'),
    ]

    operations = [
        migrations.RemoveField(
            model_name='forum',
            name='agreement_url',
        ),
    ]
