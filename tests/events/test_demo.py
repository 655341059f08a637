"""`manage.py load_demo_events`: coming demo events at innbyggertorg where there are any, at
centres otherwise; nothing twice."""

import pytest
from django.core.management import call_command

from events.models import Event
from tests.events.factories import InnbyggertorgFactory

pytestmark = pytest.mark.django_db


def test_without_innbyggertorg_the_centres_are_used(heggedal, capsys):
    call_command("load_demo_events")
    assert "Demo events: 4 new." in capsys.readouterr().out
    events = list(Event.objects.all())
    assert len(events) == 4 and all(e.innbyggertorg is None and e.centre is not None for e in events)
    assert all("(demo)" in e.title and e.is_published for e in events)
    assert {e.kind for e in events} == {"folkemote", "verksted", "lene-timen"}
    call_command("load_demo_events")
    assert Event.objects.count() == 4 and "0 new" in capsys.readouterr().out


def test_at_an_innbyggertorg_where_there_is_one(heggedal):
    torg = InnbyggertorgFactory(centre=heggedal, slug="heggedal-torg")
    call_command("load_demo_events")
    assert Event.objects.filter(innbyggertorg=torg).count() == 2  # the two Heggedal events


def test_without_centres_nothing(db, capsys):
    call_command("load_demo_events")
    assert Event.objects.count() == 0
