"""Housekeeping every hour (django_celery_beat): expired registrations and rate-limit windows.
Expired registrations used to be deleted inside a sign-up request; a request is no place for it.
"""

from django.db import migrations

from asker.beat import DEPENDENCY, schedule


class Migration(migrations.Migration):

    dependencies = [("accounts", "0002_rate_counter"), DEPENDENCY]

    operations = [schedule({
        "Delete expired registrations": ("accounts.tasks.delete_expired_registrations", "5", "*"),
        "Delete expired rate-limit counters": ("accounts.tasks.delete_expired_rate_counters", "35", "*"),
    })]
