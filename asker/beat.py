"""Periodic tasks are rows of django_celery_beat, put there by migrations (so every database,
make run's and production's alike, has the same schedule). One helper for those migrations."""

from django.db import migrations
from django.utils import timezone

DEPENDENCY = ("django_celery_beat", "0019_alter_periodictasks_options")


def schedule(tasks):
    """A RunPython operation that schedules {name: (task path, minute, hour)} on the Oslo clock,
    and unschedules them when migrated back."""

    def add(apps, schema_editor):
        CrontabSchedule = apps.get_model("django_celery_beat", "CrontabSchedule")
        PeriodicTask = apps.get_model("django_celery_beat", "PeriodicTask")
        PeriodicTasks = apps.get_model("django_celery_beat", "PeriodicTasks")
        for name, (task, minute, hour) in tasks.items():
            crontab, _ = CrontabSchedule.objects.get_or_create(
                minute=minute, hour=hour, day_of_week="*", day_of_month="*", month_of_year="*",
                timezone="Europe/Oslo")
            PeriodicTask.objects.get_or_create(name=name, defaults={"task": task, "crontab": crontab, "enabled": True})
        # The historical model has no save() signal: tell a running beat the schedule changed.
        PeriodicTasks.objects.update_or_create(ident=1, defaults={"last_update": timezone.now()})

    def remove(apps, schema_editor):
        apps.get_model("django_celery_beat", "PeriodicTask").objects.filter(name__in=tasks).delete()

    return migrations.RunPython(add, remove)
