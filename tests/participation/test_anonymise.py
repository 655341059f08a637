"""Removing authors once a consultation's retention period has run out; the daily Celery task."""

from datetime import timedelta

import pytest
from django.utils import timezone

from participation import data, tasks
from participation.models import Comment, Consultation, ModerationAction
from tests.factories import CommentFactory, ConsultationFactory, UserFactory

A = ModerationAction.Action


def closed_consultation(retention_days, closed_days_ago=10, **kwargs):
    now = timezone.now()
    return ConsultationFactory(opens_at=now - timedelta(days=closed_days_ago + 30),
                               closes_at=now - timedelta(days=closed_days_ago), retention_days=retention_days, **kwargs)


@pytest.mark.django_db
def test_before_and_after_expiry_and_idempotent():
    consultation = closed_consultation(retention_days=30, closed_days_ago=10)
    kari, per = UserFactory(username="kari"), UserFactory(username="per")
    first = CommentFactory(consultation=consultation, author=kari)
    second = CommentFactory(consultation=consultation, author=per, state="pending")
    orphan = CommentFactory(consultation=consultation, author=None)
    kept = closed_consultation(retention_days=None, closed_days_ago=400)
    kept_comment = CommentFactory(consultation=kept, author=kari)
    expiry = consultation.closes_at + timedelta(days=30)

    assert data.anonymise_expired_consultations(now=expiry - timedelta(seconds=1)) == 0
    assert set(consultation.comments.values_list("author_id", flat=True)) == {kari.pk, per.pk, None}
    assert not ModerationAction.objects.exists()

    assert data.anonymise_expired_consultations(now=expiry) == 1
    consultation.refresh_from_db()
    assert consultation.anonymised_at == expiry
    assert set(consultation.comments.values_list("author_id", flat=True)) == {None}
    entries = ModerationAction.objects.filter(action=A.ANONYMISED)
    assert sorted(entries.values_list("comment_id", "actor_id")) == sorted([(first.pk, None), (second.pk, None)])
    assert not orphan.actions.exists()
    assert Comment.objects.get(pk=first.pk).text == first.text
    assert Comment.objects.get(pk=second.pk).state == "pending"
    kept_comment.refresh_from_db()
    assert kept_comment.author_id == kari.pk
    assert Consultation.objects.get(pk=kept.pk).anonymised_at is None

    # Again, later: nothing changes.
    CommentFactory(consultation=consultation, author=None)  # as could come from a data import
    assert data.anonymise_expired_consultations(now=expiry + timedelta(days=5)) == 0
    consultation.refresh_from_db()
    assert consultation.anonymised_at == expiry
    assert ModerationAction.objects.count() == 2


@pytest.mark.django_db
def test_open_consultation_is_never_anonymised():
    now = timezone.now()
    consultation = ConsultationFactory(retention_days=0, opens_at=now - timedelta(days=1),
                                       closes_at=now + timedelta(days=1))
    comment = CommentFactory(consultation=consultation)
    assert data.anonymise_expired_consultations(now=now) == 0
    comment.refresh_from_db()
    assert comment.author_id is not None


@pytest.mark.django_db
def test_beat_schedule_exists_after_migrate():
    from django_celery_beat.models import PeriodicTask

    task = PeriodicTask.objects.get(task="participation.tasks.anonymise_expired_consultations")
    assert task.enabled
    assert task.crontab is not None
    assert (task.crontab.minute, task.crontab.hour, task.crontab.day_of_week) == ("15", "3", "*")
    assert task.interval is None


@pytest.mark.django_db
def test_beat_schedule_migration_is_idempotent():
    from importlib import import_module

    from django.apps import apps
    from django_celery_beat.models import CrontabSchedule, PeriodicTask

    migration = import_module("participation.migrations.0002_beat_schedule")
    before = (PeriodicTask.objects.count(), CrontabSchedule.objects.count())
    add_schedule = migration.Migration.operations[0].code  # asker.beat.schedule's RunPython
    add_schedule(apps, None)
    add_schedule(apps, None)
    assert (PeriodicTask.objects.count(), CrontabSchedule.objects.count()) == before
    assert PeriodicTask.objects.filter(task="participation.tasks.anonymise_expired_consultations").count() == 1


@pytest.mark.slow
@pytest.mark.django_db(transaction=True)
def test_task_runs_in_a_real_worker(celery_worker_process):
    consultation = closed_consultation(retention_days=1, closed_days_ago=2)
    comment = CommentFactory(consultation=consultation, author=UserFactory(username="kari"))

    result = tasks.anonymise_expired_consultations.delay()
    assert result.get(timeout=30) == 1

    comment.refresh_from_db()
    consultation.refresh_from_db()
    assert comment.author_id is None
    assert consultation.anonymised_at is not None
    assert comment.actions.filter(action=A.ANONYMISED, actor__isnull=True).count() == 1
    assert tasks.anonymise_expired_consultations.delay().get(timeout=30) == 0


@pytest.mark.django_db
def test_database_refuses_values_out_of_range():
    from django.db import IntegrityError, transaction

    for values in ({"retention_days": 3651}, {"opens_at": timezone.now().replace(year=1999)}):
        with pytest.raises(IntegrityError, match="consultation_values_in_range"), transaction.atomic():
            ConsultationFactory(**values)


@pytest.mark.django_db
def test_one_failing_consultation_does_not_stop_the_others(caplog):
    """A row stored before the bounds existed (retention 2147483647 days once made
    `closes_at + timedelta` raise OverflowError) is logged and skipped; the rest go through."""
    from django.db import connection

    with connection.cursor() as cursor:  # rolled back with the test
        cursor.execute("ALTER TABLE participation_consultation DROP CONSTRAINT consultation_values_in_range")
    now = timezone.now()
    # Taken first in the old order (newest opening) and in the new one (earliest closing).
    bad = ConsultationFactory(opens_at=now - timedelta(days=20), closes_at=now - timedelta(days=12),
                              retention_days=2147483647)
    good = ConsultationFactory(opens_at=now - timedelta(days=40), closes_at=now - timedelta(days=10), retention_days=1)
    bad_comment = CommentFactory(consultation=bad, author=UserFactory(username="kari"))
    good_comment = CommentFactory(consultation=good, author=UserFactory(username="per"))

    with caplog.at_level("ERROR", logger="participation.data"):
        assert data.anonymise_expired_consultations(now=now) == 1
    good_comment.refresh_from_db()
    bad_comment.refresh_from_db()
    assert good_comment.author_id is None
    assert bad_comment.author_id is not None
    assert Consultation.objects.get(pk=bad.pk).anonymised_at is None
    assert f"consultation {bad.pk}" in caplog.text and "OverflowError" in caplog.text


@pytest.mark.django_db
def test_the_migration_brings_old_rows_into_range():
    """Rows stored before the bounds (a year-1 opening, as the workspace once took) are moved
    into them in the database, so the constraint can be added and the rows read again."""
    from datetime import datetime
    from importlib import import_module
    from zoneinfo import ZoneInfo

    from django.apps import apps
    from django.db import connection

    from places import bounds

    with connection.cursor() as cursor:  # as before the migration; rolled back with the test
        cursor.execute("ALTER TABLE participation_consultation DROP CONSTRAINT consultation_values_in_range")
    oslo = ZoneInfo("Europe/Oslo")
    year_one = ConsultationFactory(opens_at=datetime(1, 1, 1, tzinfo=oslo), closes_at=datetime(1, 1, 2, tzinfo=oslo),
                                   retention_days=2147483647)
    far = ConsultationFactory(opens_at=datetime(9999, 12, 30, tzinfo=oslo), closes_at=datetime(9999, 12, 31, tzinfo=oslo))
    ordinary = closed_consultation(retention_days=30)
    before = Consultation.objects.filter(pk=ordinary.pk).values("opens_at", "closes_at", "retention_days").get()

    import_module("participation.migrations.0005_consultation_bounds").into_range(apps, None)

    for consultation in Consultation.objects.filter(pk__in=[year_one.pk, far.pk]):
        assert bounds.EARLIEST_MOMENT <= consultation.opens_at < consultation.closes_at <= bounds.LATEST_MOMENT
    assert Consultation.objects.get(pk=year_one.pk).retention_days == 3650
    assert Consultation.objects.filter(pk=ordinary.pk).values("opens_at", "closes_at", "retention_days").get() == before
