"""Delete old barrier reports every night (django_celery_beat), as the privacy statement says."""

from django.db import migrations

from asker.beat import DEPENDENCY, schedule


class Migration(migrations.Migration):

    dependencies = [("about", "0001_initial"), DEPENDENCY]

    operations = [schedule({"Delete old barrier reports": ("about.tasks.delete_old_barrier_reports", "20", "3")})]
