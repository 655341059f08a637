"""Migration 0006 turns the sentences the system stored in the moderation log into codes and
parameters, on a real database that is migrated back and forth: no row is deleted or added,
every stored sentence is kept (in legacy_text), a person's note is left alone, and a sentence it
cannot read stays as the entry's text."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from tests.factories import CommentFactory, UserFactory

pytestmark = pytest.mark.django_db(transaction=True)

BEFORE = [("participation", "0005_consultation_bounds")]
AFTER = [("participation", "0006_moderation_log_codes")]


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


def latest():
    return MigrationExecutor(connection).loader.graph.leaf_nodes()


@pytest.fixture
def comment():
    """Made with today's models, before going back: later migrations change these tables too."""
    return CommentFactory(state="hidden", author=UserFactory(username="kari"))


@pytest.fixture
def old_apps(comment):
    apps = migrate(BEFORE)
    yield apps
    migrate(latest())


def test_old_rows_become_codes_and_nothing_is_lost(old_apps, comment):
    Entry = old_apps.get_model("participation", "ModerationAction")
    mod = old_apps.get_model("auth", "User").objects.create(username="mod")
    rows = {
        "nb": Entry.objects.create(comment_id=comment.pk, action="auto_hidden", note="Skjult etter rapporter fra 3 personer"),
        "en": Entry.objects.create(comment_id=comment.pk, action="auto_hidden", note="Hidden after flags from 4 people"),
        "odd": Entry.objects.create(comment_id=comment.pk, action="auto_hidden", note="Skjult av systemet"),
        "demo": Entry.objects.create(comment_id=comment.pk, action="approved", note="Demodata"),
        "person": Entry.objects.create(comment_id=comment.pk, actor_id=mod.pk, action="rejected", reason="spam",
                                       note="Skjult etter rapporter fra 3 personer"),
        "gone": Entry.objects.create(comment_id=comment.pk, action="approved", note="Ser greit ut"),
        "plain": Entry.objects.create(comment_id=comment.pk, actor_id=mod.pk, action="hidden", reason="spam"),
    }
    count = Entry.objects.count()

    new_apps = migrate(AFTER)
    Entry = new_apps.get_model("participation", "ModerationAction")
    assert Entry.objects.count() == count
    got = {key: Entry.objects.values("action", "reason", "params", "note", "legacy_text").get(pk=row.pk)
           for key, row in rows.items()}
    assert got == {
        "nb": {"action": "auto_hidden", "reason": "", "params": {"flaggers": 3}, "note": "",
               "legacy_text": "Skjult etter rapporter fra 3 personer"},
        "en": {"action": "auto_hidden", "reason": "", "params": {"flaggers": 4}, "note": "",
               "legacy_text": "Hidden after flags from 4 people"},
        # Not a sentence the portal wrote: kept as the entry's text.
        "odd": {"action": "auto_hidden", "reason": "", "params": {}, "note": "", "legacy_text": "Skjult av systemet"},
        "demo": {"action": "approved", "reason": "", "params": {"source": "demo"}, "note": "",
                 "legacy_text": "Demodata"},
        # A person's words stay theirs, whatever they say.
        "person": {"action": "rejected", "reason": "spam", "params": {}, "note": "Skjult etter rapporter fra 3 personer",
                   "legacy_text": ""},
        "gone": {"action": "approved", "reason": "", "params": {}, "note": "Ser greit ut", "legacy_text": ""},
        "plain": {"action": "hidden", "reason": "spam", "params": {}, "note": "", "legacy_text": ""},
    }

    # And back: the sentences return to where they were.
    back_apps = migrate(BEFORE)
    Entry = back_apps.get_model("participation", "ModerationAction")
    assert Entry.objects.count() == count
    assert {key: Entry.objects.get(pk=row.pk).note for key, row in rows.items()} == {
        key: row.note for key, row in rows.items()}


def test_the_migrated_entries_read_in_each_language():
    """The model words what the migration left, in either language."""
    from django.utils import translation

    from participation.models import ModerationAction
    entry = ModerationAction(action="auto_hidden", params={"flaggers": 3}, legacy_text="Skjult etter rapporter fra 3 personer")
    odd = ModerationAction(action="auto_hidden", legacy_text="Skjult av systemet")
    demo = ModerationAction(action="approved", params={"source": "demo"}, legacy_text="Demodata")
    with translation.override("en"):
        assert (entry.describe(), entry.earlier_text) == ("Hidden after flags from 3 people", "")
        assert (odd.describe(), odd.earlier_text) == ("Hidden after flags", "Skjult av systemet")
        assert demo.describe() == "Approved (demo data)"
    with translation.override("nb"):
        assert entry.describe() == "Skjult etter rapporter fra 3 personer"
        assert demo.describe() == "Godkjent (demodata)"
