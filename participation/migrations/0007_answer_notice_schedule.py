"""Run participation.tasks.tell_commenters_of_answers_due every hour (django_celery_beat): an
answer published while the broker was down still reaches its commenters, once."""

from django.db import migrations
from django.utils import timezone

TASK = "participation.tasks.tell_commenters_of_answers_due"
NAME = "Tell commenters of published answers"


def add_schedule(apps, schema_editor):
    CrontabSchedule = apps.get_model("django_celery_beat", "CrontabSchedule")
    PeriodicTask = apps.get_model("django_celery_beat", "PeriodicTask")
    PeriodicTasks = apps.get_model("django_celery_beat", "PeriodicTasks")
    crontab, _ = CrontabSchedule.objects.get_or_create(
        minute="40", hour="*", day_of_week="*", day_of_month="*", month_of_year="*", timezone="Europe/Oslo")
    PeriodicTask.objects.get_or_create(name=NAME, defaults={"task": TASK, "crontab": crontab, "enabled": True})
    # The historical model has no save() signal: tell a running beat the schedule changed.
    PeriodicTasks.objects.update_or_create(ident=1, defaults={"last_update": timezone.now()})


def remove_schedule(apps, schema_editor):
    apps.get_model("django_celery_beat", "PeriodicTask").objects.filter(name=NAME).delete()


class Migration(migrations.Migration):

    dependencies = [
        ("participation", "0006_consultation_answer"),
        ("django_celery_beat", "0019_alter_periodictasks_options"),
    ]

    operations = [migrations.RunPython(add_schedule, remove_schedule)]
