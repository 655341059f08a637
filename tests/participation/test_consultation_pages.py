"""/medvirkning/: the list by phase and centre, and one consultation with its comments."""

from datetime import timedelta

import pytest
from django.contrib.gis.geos import Point
from django.utils import timezone

from participation.models import Comment, Consultation, Flag
from tests.factories import CommentFactory, ConsultationFactory

pytestmark = pytest.mark.django_db


def test_phase_before_during_after(consultation):
    now = timezone.now()
    assert consultation.phase(now) == Consultation.Phase.OPEN
    assert consultation.phase(consultation.opens_at - timedelta(seconds=1)) == Consultation.Phase.UPCOMING
    assert consultation.phase(consultation.closes_at) == Consultation.Phase.CLOSED


def test_list_groups_open_upcoming_and_closed(client, world, consultation):
    now = timezone.now()
    ConsultationFactory(municipality=consultation.municipality, plan=world["plan"], title="Kommer snart",
                        opens_at=now + timedelta(days=3), closes_at=now + timedelta(days=30))
    ConsultationFactory(municipality=consultation.municipality, plan=world["plan"], title="Ferdig",
                        opens_at=now - timedelta(days=30), closes_at=now - timedelta(days=3))
    html = client.get("/medvirkning/").content.decode()
    assert html.index("Heggedal sentrum") < html.index("Kommer snart") < html.index("Ferdig")


def test_list_filter_by_centre_and_bad_value(client, world, consultation):
    assert "Heggedal sentrum" in client.get("/medvirkning/?senter=heggedal").content.decode()
    assert "Heggedal sentrum" not in client.get("/medvirkning/?senter=asker-sentrum").content.decode()
    assert client.get("/medvirkning/?senter=atlantis").status_code == 400


def test_consultation_about_a_confidential_project_is_not_public(client, world):
    hidden = ConsultationFactory(municipality=world["secret"].municipality, plan=None, project=world["secret"],
                                 title="Hemmelig høring", slug="hemmelig")
    assert "Hemmelig høring" not in client.get("/medvirkning/").content.decode()
    assert client.get(hidden.get_absolute_url()).status_code == 404


def test_only_published_comments_are_shown(client, consultation):
    for state in Comment.State.values:
        CommentFactory(consultation=consultation, state=state, text=f"Tekst som er {state}")
    html = client.get(consultation.get_absolute_url()).content.decode()
    assert "Tekst som er published" in html
    assert all(f"Tekst som er {s}" not in html for s in ("pending", "rejected", "hidden"))


def test_hostile_text_is_shown_as_typed(client, consultation):
    CommentFactory(consultation=consultation, text='<script>alert(1)</script>\n<a href="javascript:x">lenke</a>')
    html = client.get(consultation.get_absolute_url()).content.decode()
    assert "<script>alert(1)</script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert 'href="javascript:x"' not in html


@pytest.mark.parametrize("signed_in", [False, True], ids=["anonymous", "resident"])
@pytest.mark.parametrize("count", [10, 1000])
def test_query_count_does_not_grow_with_comments(client, consultation, resident, count, signed_in,
                                                 django_assert_max_num_queries):
    # Replies too, each with the rules asked about it (reply, flag) for a signed-in visitor;
    # points told in words by the gazetteer; one's own waiting comments and flags.
    point = Point(10.441, 59.8312, srid=4326)
    tops = Comment.objects.bulk_create([Comment(consultation=consultation, text=f"k{i}", state="published",
                                                location=point if i % 2 else None) for i in range(count)])
    Comment.objects.bulk_create([Comment(consultation=consultation, text=f"svar{i}", state="published", parent=top)
                                 for i, top in enumerate(tops[:60])])
    if signed_in:
        Comment.objects.bulk_create([Comment(consultation=consultation, author=resident, text=f"venter{i}",
                                             location=point) for i in range(20)])
        Flag.objects.bulk_create([Flag(comment=top, user=resident, reason="spam") for top in tops[:5]])
        client.force_login(resident)
    # The gazetteer reads its four sources once for all the points on the page.
    with django_assert_max_num_queries(15 if signed_in else 9):
        response = client.get(consultation.get_absolute_url())
    assert response.status_code == 200
    html = response.content.decode()
    assert html.count('class="comment"') == min(count, 50)  # paginated
    assert html.count('class="comment reply"') == min(count, 50)
    assert ('name="parent"' in html) == signed_in
    assert html.count("show-on-map") == min(count, 50) // 2
    assert html.count('class="comment pending"') == (20 if signed_in else 0)
    assert html.count("Du har meldt denne kommentaren.") == (5 if signed_in else 0)
