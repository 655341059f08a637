"""Expired sessions are deleted every night; live ones are kept."""

from datetime import timedelta

import pytest
from django.contrib.sessions.backends.db import SessionStore
from django.contrib.sessions.models import Session
from django.utils import timezone
from django_celery_beat.models import PeriodicTask

from accounts import tasks

pytestmark = pytest.mark.django_db


def session(expires_in):
    store = SessionStore()
    store["_auth_user_id"] = "1"
    store.create()
    Session.objects.filter(session_key=store.session_key).update(expire_date=timezone.now() + expires_in)
    return store.session_key


def test_the_nightly_task_deletes_only_expired_sessions():
    old, live = session(timedelta(seconds=-1)), session(timedelta(days=1))
    assert tasks.delete_expired_sessions.delay().get() == 1
    assert list(Session.objects.values_list("session_key", flat=True)) == [live]
    assert old != live


def test_it_is_scheduled_every_night():
    task = PeriodicTask.objects.get(task="accounts.tasks.delete_expired_sessions")
    assert task.enabled and (task.crontab.hour, task.crontab.minute) == ("3", "25")
