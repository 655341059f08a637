"""Housekeeping every hour (django_celery_beat): expired registrations and rate-limit windows.

Expired registrations used to be deleted inside a sign-up request; a request is no place for it.
"""

from django.db import migrations
from django.utils import timezone

TASKS = {
    "Delete expired registrations": ("accounts.tasks.delete_expired_registrations", "5"),
    "Delete expired rate-limit counters": ("accounts.tasks.delete_expired_rate_counters", "35"),
}


def add_schedule(apps, schema_editor):
    CrontabSchedule = apps.get_model("django_celery_beat", "CrontabSchedule")
    PeriodicTask = apps.get_model("django_celery_beat", "PeriodicTask")
    PeriodicTasks = apps.get_model("django_celery_beat", "PeriodicTasks")
    for name, (task, minute) in TASKS.items():
        crontab, _ = CrontabSchedule.objects.get_or_create(
            minute=minute, hour="*", day_of_week="*", day_of_month="*", month_of_year="*", timezone="Europe/Oslo")
        PeriodicTask.objects.get_or_create(name=name, defaults={"task": task, "crontab": crontab, "enabled": True})
    # The historical model has no save() signal: tell a running beat the schedule changed.
    PeriodicTasks.objects.update_or_create(ident=1, defaults={"last_update": timezone.now()})


def remove_schedule(apps, schema_editor):
    apps.get_model("django_celery_beat", "PeriodicTask").objects.filter(name__in=TASKS).delete()


class Migration(migrations.Migration):

    dependencies = [
        ("accounts", "0002_rate_counter"),
        ("django_celery_beat", "0019_alter_periodictasks_options"),
    ]

    operations = [migrations.RunPython(add_schedule, remove_schedule)]
