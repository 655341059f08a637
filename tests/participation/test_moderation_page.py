"""One comment's moderation page (/moderering/kommentar/<pk>/): everything a moderator needs to
decide is on it: the consultation (title, subject, phase, link), the place on a map and in words,
the comment it answers, the flags with their reasons and who raised them, the link to the comment
in context, and the log. No element id twice on any moderation page."""

import json
import re
from collections import Counter
from html.parser import HTMLParser

import pytest
import rules
from django.contrib.auth.models import AnonymousUser
from django.contrib.gis.geos import Point
from django.test import Client
from django.utils.html import escape

from asker import roles
from participation.models import Flag, ModerationAction
from tests.factories import CommentFactory, ConsultationFactory, UserFactory

pytestmark = pytest.mark.django_db


def page_url(comment):
    return f"/moderering/kommentar/{comment.pk}/"


class Ids(HTMLParser):
    def __init__(self):
        super().__init__()
        self.ids = Counter()

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name == "id":
                self.ids[value] += 1


def duplicate_ids(html):
    parser = Ids()
    parser.feed(html)
    return {i: n for i, n in parser.ids.items() if n > 1}


def test_the_consultation_it_belongs_to(mod_client, consultation):
    comment = CommentFactory(consultation=consultation, state="pending")
    response = mod_client.get(page_url(comment))
    assert response.status_code == 200
    html = response.content.decode()
    assert f'<a href="/medvirkning/{consultation.slug}/">{consultation.title}</a>' in html
    plan = consultation.plan
    assert f'<a href="{plan.get_absolute_url()}">{escape(str(plan))}</a>' in html
    assert "<dt>Høringsfase</dt><dd>Åpen</dd>" in html
    assert response.context["consultation_public"] is True


def test_the_place_on_a_map_and_in_words(mod_client, consultation):
    comment = CommentFactory(consultation=consultation, state="pending", place_name="Heggedal stasjon",
                             location=Point(10.44, 59.78, srid=4326))
    response = mod_client.get(page_url(comment))
    html = response.content.decode()
    assert response.status_code == 200
    assert 'id="comment-map"' in html and 'data-geometry="comment-point"' in html
    assert json.loads(html.split('<script id="comment-point" type="application/json">')[1].split("</script>")[0]) \
        == {"type": "Point", "coordinates": [10.44, 59.78]}
    assert "Kommentaren gjelder dette stedet: Heggedal stasjon." in html
    assert "/static/js/map.js" in html and "/static/leaflet/leaflet.js" in html


def test_a_point_without_a_name_is_given_in_words(mod_client, consultation):
    """As on the consultation page: the nearest known name and the distance, not coordinates."""
    comment = CommentFactory(consultation=consultation, state="pending", location=Point(10.44, 59.78, srid=4326))
    html = mod_client.get(page_url(comment)).content.decode()
    assert re.search(r"Kommentaren gjelder dette stedet: (nær|[\d\xa0,]+ k?m fra) \w", html)
    assert "°" not in html


def test_no_map_without_a_point(mod_client, consultation):
    named = CommentFactory(consultation=consultation, state="pending", place_name="Bondi")
    html = mod_client.get(page_url(named)).content.decode()
    assert "Kommentaren nevner et sted, men har ikke noe punkt på kartet: Bondi." in html
    assert 'class="map"' not in html and "leaflet.js" not in html
    nowhere = CommentFactory(consultation=consultation, state="pending")
    assert "Kommentaren gjelder ikke et bestemt sted." in mod_client.get(page_url(nowhere)).content.decode()


def test_the_comment_it_answers(mod_client, consultation):
    parent = CommentFactory(consultation=consultation, text="Hva med <b>parkering</b>?",
                            author=UserFactory(username="ola"))
    reply = CommentFactory(consultation=consultation, parent=parent, state="pending", text="Svar")
    html = mod_client.get(page_url(reply)).content.decode()
    assert "<h2>Svar på</h2>" in html
    assert "Hva med &lt;b&gt;parkering&lt;/b&gt;?" in html
    assert f'<a href="/moderering/kommentar/{parent.pk}/">' in html and "ola" in html
    assert "<h2>Svar på</h2>" not in mod_client.get(page_url(parent)).content.decode()


def test_the_flags_with_reasons_and_who_raised_them(mod_client, consultation):
    comment = CommentFactory(consultation=consultation)
    Flag.objects.create(comment=comment, user=UserFactory(username="nabo"), reason="offensive",
                        note="<i>Stygt</i> språk")
    Flag.objects.create(comment=comment, user=UserFactory(username="gjest"), reason="spam")
    html = mod_client.get(page_url(comment)).content.decode()
    assert 'Krenkende eller hatefullt: &lt;i&gt;Stygt&lt;/i&gt; språk – <span translate="no">nabo</span>' in html
    assert 'Spam eller reklame – <span translate="no">gjest</span>' in html


@pytest.mark.parametrize("state, link", [("published", True), ("pending", False), ("rejected", False),
                                         ("hidden", False)])
def test_the_link_in_context_only_for_a_published_comment(mod_client, consultation, state, link):
    comment = CommentFactory(consultation=consultation, state=state)
    html = mod_client.get(page_url(comment)).content.decode()
    anchor = f'href="/medvirkning/{consultation.slug}/kommentar/{comment.pk}/#kommentar-{comment.pk}"'
    assert (anchor in html) is link
    assert ("Kommentaren er ikke publisert, så den står ikke på høringssiden." in html) is not link


def test_a_consultation_about_a_confidential_project(mod_client, world):
    """Moderators still decide on comments there (the project was made confidential after the
    consultation opened); the page names it, says it is not public, and links nowhere that
    answers 404. The public never sees it."""
    consultation = ConsultationFactory(municipality=world["heggedal"].municipality, plan=None,
                                       project=world["secret"], title="Høring om tomta")
    comment = CommentFactory(consultation=consultation, text="Synlig for moderator")
    response = mod_client.get(page_url(comment))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Høring om tomta" in html and "Hemmelig tomt" in html and "Synlig for moderator" in html
    assert "Vises ikke for publikum" in html
    assert "Høringssiden er ikke offentlig, så kommentaren kan ikke ses der." in html
    assert consultation.get_absolute_url() not in html and "/prosjekter/hemmelig-tomt/" not in html
    assert response.context["in_context_url"] == ""

    client = Client()
    assert client.get(consultation.get_absolute_url()).status_code == 404
    assert client.get(page_url(comment)).status_code == 302  # to sign in
    client.force_login(UserFactory(username="kari", role=roles.RESIDENT))
    assert client.get(page_url(comment)).status_code == 403
    assert client.get(consultation.get_absolute_url()).status_code == 404


def test_an_administrator_may_follow_the_links_of_a_confidential_project(client, world):
    consultation = ConsultationFactory(municipality=world["heggedal"].municipality, plan=None,
                                       project=world["secret"])
    comment = CommentFactory(consultation=consultation)
    client.force_login(UserFactory(username="admin", role=roles.ADMINISTRATOR))
    html = client.get(page_url(comment)).content.decode()
    assert '<a href="/prosjekter/hemmelig-tomt/">' in html
    assert "Vises ikke for publikum" in html
    assert f"#kommentar-{comment.pk}" not in html


@pytest.mark.parametrize("state", ["pending", "published", "hidden", "rejected"])
def test_no_id_twice_on_the_comment_page(mod_client, consultation, state):
    comment = CommentFactory(consultation=consultation, state=state, location=Point(10.44, 59.78, srid=4326))
    Flag.objects.create(comment=comment, user=UserFactory(username="nabo"), reason="spam")
    response = mod_client.get(page_url(comment))
    assert response.status_code == 200
    assert duplicate_ids(response.content.decode()) == {}
    # A form sent back with errors too.
    response = mod_client.post(f"{page_url(comment)}blokker/", {"block-days": "0"})
    assert response.status_code == 400
    assert duplicate_ids(response.content.decode()) == {}


def test_no_id_twice_on_the_queue(mod_client, consultation):
    for _ in range(3):
        CommentFactory(consultation=consultation, state="pending")
    response = mod_client.get("/moderering/")
    assert response.status_code == 200
    assert duplicate_ids(response.content.decode()) == {}
    response = mod_client.post("/moderering/behandle/", {"action": "reject"})
    assert response.status_code == 400
    html = response.content.decode()
    assert duplicate_ids(html) == {}
    assert 'id="filter_reason"' in html and 'id="id_reason"' in html


def test_decisions_look_different(mod_client, consultation):
    pending = mod_client.get(page_url(CommentFactory(consultation=consultation, state="pending"))).content.decode()
    assert '<button type="submit">Godkjenn</button>' in pending
    assert '<button type="submit" class="danger">Avvis</button>' in pending
    published = mod_client.get(page_url(CommentFactory(consultation=consultation))).content.decode()
    assert '<button type="submit" class="danger">Skjul</button>' in published
    assert 'class="data moderation-log' in published
    CommentFactory(consultation=consultation, state="pending")
    queue = mod_client.get("/moderering/").content.decode()
    assert 'class="data moderation-queue' in queue
    assert 'value="reject" class="danger"' in queue


@pytest.mark.parametrize("n", [1, 15])
def test_bounded_queries(mod_client, consultation, django_assert_max_num_queries, n):
    parent = CommentFactory(consultation=consultation)
    comment = CommentFactory(consultation=consultation, parent=parent, location=Point(10.44, 59.78, srid=4326))
    for i in range(n):
        Flag.objects.create(comment=comment, user=UserFactory(username=f"nabo{i}"), reason="spam")
        ModerationAction.objects.create(comment=comment, actor=UserFactory(username=f"mod{i}"), action="approved")
    # 9, and 5 more for the place in words: the municipality and the gazetteer's four sources,
    # read once whatever the number of flags and log entries; 1 for the reply's page in its thread.
    with django_assert_max_num_queries(15):
        response = mod_client.get(page_url(comment))
    assert response.status_code == 200
    assert len(response.context["flags"]) == n and len(response.context["log"]) == n


@pytest.mark.parametrize("role", [None, roles.RESIDENT, roles.PLANNER, roles.ORGANISATION_REPRESENTATIVE,
                                  roles.MODERATOR, roles.ADMINISTRATOR])
def test_only_moderation_staff_see_who_flagged(role):
    comment = CommentFactory()
    user = UserFactory(username=f"u-{role}", role=role) if role else AnonymousUser()
    assert rules.has_perm("participation.see_flaggers", user, comment) is (role in (roles.MODERATOR,
                                                                                   roles.ADMINISTRATOR))
