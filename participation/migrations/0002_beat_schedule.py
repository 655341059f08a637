"""Run participation.tasks.anonymise_expired_consultations every night (django_celery_beat)."""

from django.db import migrations

from asker.beat import DEPENDENCY, schedule


class Migration(migrations.Migration):

    dependencies = [("participation", "0001_initial"), DEPENDENCY]

    operations = [schedule({
        "Anonymise expired consultations": ("participation.tasks.anonymise_expired_consultations", "15", "3"),
    })]
