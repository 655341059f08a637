"""`{% coming_events %}` for the centre and innbyggertorg pages: the next few public events
there, a link to the rest and the calendar feed, in two queries whatever the count."""

from datetime import timedelta

import pytest
from django.template import Context, Template, TemplateSyntaxError
from django.utils import timezone

from events.models import Event
from tests.events.factories import EventFactory, InnbyggertorgFactory
from tests.factories import CentreFactory

pytestmark = pytest.mark.django_db


def render(**context):
    tag = "centre=centre" if "centre" in context else "innbyggertorg=torg"
    return Template("{% load events %}{% coming_events " + tag + " %}").render(Context(context))


def test_a_centre_shows_its_own_and_its_innbyggertorg_events(heggedal, torg):
    now = timezone.now()
    EventFactory(centre=heggedal, title="I senteret")
    EventFactory(centre=None, innbyggertorg=torg, title="På torget")
    EventFactory(centre=heggedal, title="Utkastet", state=Event.State.DRAFT)
    EventFactory(centre=heggedal, title="Forbi", starts_at=now - timedelta(days=2), ends_at=now - timedelta(days=1))
    EventFactory(centre=CentreFactory(), title="Et annet sted")
    html = render(centre=heggedal)
    assert "I senteret" in html and "På torget" in html
    assert "Utkastet" not in html and "Forbi" not in html and "Et annet sted" not in html
    assert "/arrangementer/sted/heggedal/kalender.ics" in html
    assert "Alle kommende arrangementer her" not in html


def test_an_innbyggertorg_shows_its_own(heggedal, torg):
    EventFactory(centre=heggedal, title="I senteret")
    EventFactory(centre=None, innbyggertorg=torg, title="På torget")
    html = render(torg=torg)
    assert "På torget" in html and "I senteret" not in html
    assert "/arrangementer/sted/heggedal/kalender.ics" in html


def test_few_shown_and_a_link_to_the_rest(heggedal, django_assert_max_num_queries):
    for i in range(8):
        EventFactory(centre=heggedal, title=f"Møte nummer {i}")
    with django_assert_max_num_queries(1):
        html = render(centre=heggedal)
    assert html.count("<li>") == 5 and "Alle kommende arrangementer her" in html
    assert "/arrangementer/?senter=heggedal" in html


def test_an_innbyggertorg_in_two_queries(heggedal, django_assert_max_num_queries):
    torg = InnbyggertorgFactory.create(centre=heggedal)
    torg = type(torg).objects.get(pk=torg.pk)  # as a page would have it: its centre not loaded
    for _ in range(8):
        EventFactory(centre=None, innbyggertorg=torg)
    with django_assert_max_num_queries(2):
        render(torg=torg)


def test_none_at_all(heggedal):
    assert "Ingen." in render(centre=heggedal)


def test_neither_argument_is_an_error(heggedal):
    with pytest.raises(TemplateSyntaxError):
        Template("{% load events %}{% coming_events %}").render(Context({}))
