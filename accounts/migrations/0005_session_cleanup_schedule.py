"""Delete expired sessions every night (django_celery_beat)."""

from django.db import migrations

from asker.beat import DEPENDENCY, schedule


class Migration(migrations.Migration):

    dependencies = [("accounts", "0004_username_reservation"), DEPENDENCY]

    operations = [schedule({"Delete expired sessions": ("accounts.tasks.delete_expired_sessions", "25", "3")})]
