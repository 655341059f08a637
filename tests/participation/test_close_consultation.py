"""Closing a consultation from the workspace: planning staff, only while it is not closed; one
that has not opened yet is closed without ever opening. The button follows the same rule."""

from datetime import timedelta

import pytest
from django.utils import timezone
from django.utils.translation import gettext

from asker import roles
from tests.factories import ConsultationFactory, user_with_role

pytestmark = pytest.mark.django_db


@pytest.fixture
def planner_client(client, db):
    client.force_login(user_with_role(roles.PLANNER))
    return client


def consultation(opens_in_days, closes_in_days):
    now = timezone.now()
    return ConsultationFactory(opens_at=now + timedelta(days=opens_in_days), closes_at=now + timedelta(days=closes_in_days))


def close(client, c):
    return client.post(f"/planlegger/medvirkning/{c.pk}/lukk/", follow=True)


def messages_of(response, level):
    return [str(m) for m in response.context["messages"] if m.level_tag == level]


@pytest.mark.parametrize("opens, closes", [(-1, 10), (3, 10)], ids=["open", "upcoming"])
def test_an_open_or_upcoming_consultation_is_closed_now(planner_client, opens, closes):
    c = consultation(opens, closes)
    response = close(planner_client, c)
    assert response.status_code == 200 and len(messages_of(response, "success")) == 1
    c.refresh_from_db()
    assert c.phase() == c.Phase.CLOSED and c.closes_at <= timezone.now() and c.opens_at < c.closes_at


def test_a_closed_consultation_is_not_closed_again(planner_client):
    c = consultation(-10, -1)
    closes_at = c.closes_at
    response = close(planner_client, c)
    assert messages_of(response, "error") == [gettext("The consultation is already closed.")]
    c.refresh_from_db()
    assert c.closes_at == closes_at


@pytest.mark.parametrize("opens, closes, shown", [(-1, 10, True), (3, 10, True), (-10, -1, False)],
                         ids=["open", "upcoming", "closed"])
def test_the_button_follows_the_rule(planner_client, opens, closes, shown):
    c = consultation(opens, closes)
    html = planner_client.get(f"/planlegger/medvirkning/{c.pk}/").content.decode()
    assert (f"/planlegger/medvirkning/{c.pk}/lukk/" in html) == shown
