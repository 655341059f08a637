"""The admin is no second door for publishing and archiving: those fields are read-only there,
and its actions take projects through places.services, as the workspace does."""

import pytest

from places import history
from django.contrib.auth.models import Permission
from django.utils import translation

from asker import roles
from places.models import DevelopmentProject
from tests.factories import UserFactory, user_with_role
from tests.places.test_bounds import admin_data

pytestmark = pytest.mark.django_db
CHANGELIST = "/admin/places/developmentproject/"


@pytest.fixture
def admin_client(client, world):
    client.force_login(user_with_role("superuser"))
    return client


def reason(english):
    codes = {"Published": "published", "Made confidential": "made_confidential", "Archived": "archived",
             "Taken out of the archive": "restored"}
    return history.reason(codes[english])


def test_the_change_form_does_not_publish_or_archive(admin_client, world):
    secret = world["secret"]
    data = admin_data(secret, [("phases", list(secret.phases.all()))], visibility="public",
                      published_at_0="2020-01-01", published_at_1="10:00:00",
                      archived_at_0="2020-01-01", archived_at_1="10:00:00")
    response = admin_client.post(f"{CHANGELIST}{secret.pk}/change/", data)
    assert response.status_code == 302
    secret.refresh_from_db()
    assert (secret.visibility, secret.published_at, secret.archived_at) == ("confidential", None, None)
    page = admin_client.get(f"{CHANGELIST}{secret.pk}/change/").content.decode()
    assert 'name="visibility"' not in page and 'name="archived_at_0"' not in page


def act(client, action, *projects):
    return client.post(CHANGELIST, {"action": action, "_selected_action": [p.pk for p in projects],
                                    "index": 0})


def test_publish_and_make_confidential_through_the_service(admin_client, world):
    secret, torg = world["secret"], world["torg"]
    response = act(admin_client, "publish", secret, torg)
    assert response.status_code == 302
    secret.refresh_from_db()
    assert secret.visibility == "public" and secret.published_at is not None
    assert secret.history.first().history_change_reason == reason("Published")
    assert torg.history.first().history_change_reason != reason("Published")  # already public: untouched

    published_at = secret.published_at
    assert act(admin_client, "make_confidential", secret).status_code == 302
    secret.refresh_from_db()
    assert secret.visibility == "confidential" and secret.published_at == published_at
    assert secret.history.first().history_change_reason == reason("Made confidential")


def test_archive_and_restore_through_the_service(admin_client, world):
    torg = world["torg"]
    assert act(admin_client, "archive", torg).status_code == 302
    torg.refresh_from_db()
    assert torg.archived_at is not None
    assert torg.history.first().history_change_reason == reason("Archived")
    assert admin_client.get("/prosjekter/heggedal-torg/").status_code == 404

    assert act(admin_client, "restore", torg).status_code == 302
    torg.refresh_from_db()
    assert torg.archived_at is None
    assert torg.history.first().history_change_reason == reason("Taken out of the archive")


def test_the_actions_are_for_those_the_rules_let_publish(client, world):
    # Staff with Django's view permission, but not planning staff: sees the list, not the actions.
    user = UserFactory(username="staff-moderator", role=roles.MODERATOR, is_staff=True)
    user.user_permissions.add(Permission.objects.get(codename="view_developmentproject"))
    client.force_login(user)
    page = client.get(CHANGELIST)
    assert page.status_code == 200
    assert 'value="publish"' not in page.content.decode()
    for action in ("publish", "make_confidential", "archive", "restore"):
        act(client, action, world["secret"], world["torg"])
    assert DevelopmentProject.objects.get(pk=world["secret"].pk).visibility == "confidential"
    assert DevelopmentProject.objects.get(pk=world["torg"].pk).archived_at is None
