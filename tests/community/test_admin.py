"""Planners and administrators keep the innbyggertorg with their services, weekly hours and
exceptions inline, and the committee archive, in Django admin; bad hours are refused."""

from datetime import time

import pytest

from community.models import WeeklyHours
from tests.factories import user_with_role

from .factories import CommitteeFactory

pytestmark = pytest.mark.django_db


def staff(role):
    user = user_with_role(role)
    user.is_staff = True
    user.save()
    return user


def form_data(torg, hours):
    data = {
        "name": torg.name, "slug": torg.slug, "centre": torg.centre_id, "address": "", "location": torg.location.json,
        "status": torg.status, "description": "", "source": "",
        "services-TOTAL_FORMS": 0, "services-INITIAL_FORMS": 0,
        "exceptions-TOTAL_FORMS": 1, "exceptions-INITIAL_FORMS": 0,
        "exceptions-0-date": "2026-12-24", "exceptions-0-opens": "09:00", "exceptions-0-closes": "12:00",
        "exceptions-0-note": "Julaften",
    }
    existing = list(torg.weekly_hours.all())
    data.update({"weekly_hours-TOTAL_FORMS": len(existing) + 1, "weekly_hours-INITIAL_FORMS": len(existing)})
    for i, row in enumerate(existing):
        data.update({f"weekly_hours-{i}-id": row.pk, f"weekly_hours-{i}-innbyggertorg": torg.pk,
                     f"weekly_hours-{i}-weekday": row.weekday, f"weekly_hours-{i}-opens": f"{row.opens:%H:%M}",
                     f"weekly_hours-{i}-closes": f"{row.closes:%H:%M}"})
    i = len(existing)
    data.update({f"weekly_hours-{i}-weekday": 5, f"weekly_hours-{i}-opens": hours[0],
                 f"weekly_hours-{i}-closes": hours[1]})
    return data


@pytest.mark.parametrize("role", ["superuser", "administrator", "planner"])
def test_planning_staff_in_the_admin_add_hours_and_exceptions(client, torg, role):
    client.force_login(staff(role))
    path = f"/admin/community/innbyggertorg/{torg.pk}/change/"
    html = client.get(path).content.decode()
    assert 'name="weekly_hours-TOTAL_FORMS"' in html and 'name="exceptions-TOTAL_FORMS"' in html
    response = client.post(path, form_data(torg, ("22:00", "02:00")))
    assert response.status_code == 302, response.content.decode()[:2000]
    assert WeeklyHours.objects.filter(innbyggertorg=torg, weekday=5, opens=time(22), closes=time(2)).exists()
    assert torg.exceptions.get().note == "Julaften"


def test_an_interval_that_opens_and_closes_at_once_is_refused(client, torg):
    client.force_login(staff("superuser"))
    response = client.post(f"/admin/community/innbyggertorg/{torg.pk}/change/", form_data(torg, ("10:00", "10:00")))
    assert response.status_code == 200
    assert "Opening and closing times must differ." in response.content.decode() or \
        "Åpnings- og stengetid må være forskjellige." in response.content.decode()
    assert not WeeklyHours.objects.filter(innbyggertorg=torg, weekday=5).exists()
    assert not torg.exceptions.exists()


@pytest.mark.parametrize("role", ["resident", "moderator"])
def test_other_staff_do_not_get_the_community_admin(client, torg, heggedal, role):
    client.force_login(staff(role))
    CommitteeFactory(centre=heggedal)
    assert client.get(f"/admin/community/innbyggertorg/{torg.pk}/change/").status_code == 403
    assert client.get("/admin/community/localcommunitycommittee/").status_code == 403


@pytest.mark.parametrize("role", [None, "resident", "planner"])
def test_without_staff_the_admin_asks_to_sign_in(client, torg, role):
    user = user_with_role(role)
    if user:
        client.force_login(user)
    response = client.get("/admin/community/innbyggertorg/")
    assert response.status_code == 302 and "login" in response["Location"]


def test_the_committee_admin_has_members_and_meetings_inline(client, heggedal):
    committee = CommitteeFactory(centre=heggedal)
    client.force_login(staff("planner"))
    html = client.get(f"/admin/community/localcommunitycommittee/{committee.pk}/change/").content.decode()
    assert 'name="members-TOTAL_FORMS"' in html and 'name="meetings-TOTAL_FORMS"' in html
