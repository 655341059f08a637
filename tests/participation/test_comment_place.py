"""The place of a comment on the consultation page: a map point told in words, removable with or
without JavaScript, a misspelt name answered with a suggestion, and published comments linked
to their markers (whose popups link back)."""

import json
import re

import pytest
from django.contrib.gis.geos import Point

from participation import services
from participation.models import Comment
from tests.factories import CommentFactory, UserFactory

pytestmark = pytest.mark.django_db

TORG = ("10.441", "59.831")  # Heggedal hage and Heggedal torg stand here in the test world
# East of them, away from Asker sentrum's places to the west (metres per degree of longitude here: 55,840).
EAST_250 = (10.441 + 250 / 55840.4, 59.831)
EAST_150 = (10.441 + 150 / 55840.4, 59.831)  # inside the consultation's area


def post(client, consultation, **data):
    return client.post(f"{consultation.get_absolute_url()}kommenter/", data)


def place_url(consultation):
    return f"{consultation.get_absolute_url()}sted/"


def test_the_map_asks_for_a_point_in_words(client, consultation):
    response = client.get(place_url(consultation), {"lon": str(EAST_250[0]), "lat": "59.831"})
    assert response.status_code == 200
    assert response.json() == {"place": "250 m fra Heggedal hage"}
    english = client.get(f"/en{place_url(consultation)}", {"lon": "10.441", "lat": "59.831"})
    assert english.json() == {"place": "near Heggedal hage"}


@pytest.mark.parametrize("query", [{}, {"lon": "10.4"}, {"lon": "abc", "lat": "59.8"}, {"lon": "inf", "lat": "59.8"},
                                   {"lon": "181", "lat": "59.8"}, {"lon": "10.4", "lat": "-91"}])
def test_a_bad_point_is_a_400_in_words(client, consultation, query):
    response = client.get(place_url(consultation), query)
    assert response.status_code == 400
    assert response.json() == {"error": "Oppgi et punkt som lon og lat i grader."}


def test_the_place_endpoint_of_a_hidden_consultation_is_a_404(client, world):
    assert client.get("/medvirkning/finnes-ikke/sted/", {"lon": "10.4", "lat": "59.8"}).status_code == 404


def test_a_point_sent_back_with_an_error_is_shown_in_words_with_a_way_to_remove_it(kari, consultation):
    response = post(kari, consultation, text="", lon=TORG[0], lat=TORG[1])
    assert response.status_code == 400
    html = response.content.decode()
    assert "Valgt sted: nær Heggedal hage" in html
    assert re.search(r'<div class="remove-point">\s*<div class="field">\s*<input type="checkbox" name="remove_point"', html)
    assert f'value="{TORG[0]}"' in html


def test_without_a_point_the_remove_box_is_hidden(kari, consultation):
    html = kari.get(consultation.get_absolute_url()).content.decode()
    assert '<div class="remove-point" hidden>' in html


def test_a_removed_point_is_not_kept(kari, consultation):
    response = post(kari, consultation, text="Uten sted", lon=TORG[0], lat=TORG[1], remove_point="on")
    assert response.status_code == 302
    comment = Comment.objects.get()
    assert comment.location is None and comment.place_name == ""


def test_a_removed_point_gives_way_to_a_typed_place(kari, consultation):
    post(kari, consultation, text="Torget", lon="5.32", lat="60.39", remove_point="on", place="Heggedal torg")
    assert Comment.objects.get().place_name == "Heggedal torg"


def test_a_misspelt_place_is_answered_with_a_suggestion_to_send_with(kari, consultation):
    response = post(kari, consultation, text="Flere benker", place="Heggdal torg")
    assert response.status_code == 400 and not Comment.objects.exists()
    html = response.content.decode()
    assert "Vi kjenner ikke noe sted som heter «Heggdal torg» i Asker. Mente du «Heggedal torg»?" in html
    button = '<button type="submit" name="use_place" value="Heggedal torg" class="secondary">'
    assert button in html and html.index(button) > html.index("Send kommentaren")  # Enter still sends as typed
    response = post(kari, consultation, text="Flere benker", place="Heggdal torg", use_place="Heggedal torg")
    assert response.status_code == 302
    comment = Comment.objects.get()
    assert comment.place_name == "Heggedal torg" and comment.location.coords == pytest.approx((10.441, 59.831))


@pytest.mark.parametrize("use_place", ["Hemmelig tomt", "x" * 201, "Atlantis"])
def test_a_forged_suggestion_is_checked_like_a_typed_name(kari, consultation, use_place):
    response = post(kari, consultation, text="Her", use_place=use_place)
    assert response.status_code == 400 and not Comment.objects.exists()


def test_published_comments_link_to_their_markers_and_the_markers_back(client, consultation):
    placed = CommentFactory(consultation=consultation, author=UserFactory(username="ola"),
                            location=Point(*EAST_250, srid=4326))
    named = CommentFactory(consultation=consultation, location=Point(10.441, 59.831, srid=4326),
                           place_name="Heggedal torg")
    plain = CommentFactory(consultation=consultation)
    html = client.get(consultation.get_absolute_url()).content.decode()
    assert "· 250 m fra Heggedal hage" in html and "· Heggedal torg" in html
    for comment in (placed, named):
        assert f'<a href="#consultation-map" class="show-on-map" data-comment="{comment.pk}" hidden>Vis i kartet</a>' in html
    assert f'data-comment="{plain.pk}"' not in html
    points = json.loads(re.search(r'<script id="comment-points" type="application/json">(.*?)</script>', html).group(1))
    by_id = {f["id"]: f for f in points["features"]}
    assert set(by_id) == {placed.pk, named.pk}
    assert by_id[placed.pk]["properties"] == {"name": "250 m fra Heggedal hage", "url": f"#kommentar-{placed.pk}",
                                              "link": "Gå til kommentaren fra ola"}


def test_a_waiting_comment_shows_its_place_to_its_author(kari, consultation, resident):
    services.submit(consultation, resident, "Her", location=Point(*EAST_150, srid=4326))
    html = kari.get(consultation.get_absolute_url()).content.decode()
    assert "· 150 m fra Heggedal hage" in html
