"""Run participation.tasks.tell_commenters_of_answers_due every hour (django_celery_beat): an
answer published while the broker was down still reaches its commenters, once."""

from django.db import migrations

from asker.beat import DEPENDENCY, schedule


class Migration(migrations.Migration):

    dependencies = [("participation", "0006_consultation_answer"), DEPENDENCY]

    operations = [schedule({
        "Tell commenters of published answers": ("participation.tasks.tell_commenters_of_answers_due", "40", "*"),
    })]
