"""A page offers exactly what the service accepts, for a superuser too: the template tag asks the
rules (asker/templatetags/permissions.py), not Django's user.has_perm, which says yes to every
superuser and once showed one the comment form on a closed consultation."""

from datetime import timedelta

import pytest
from django.utils import timezone

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

FORM = 'class="edit-form comment-form"'


@pytest.fixture
def superuser_client(client):
    client.force_login(UserFactory(username="rot", is_superuser=True, is_staff=True))
    return client


def test_no_comment_form_on_a_closed_consultation(superuser_client, consultation):
    consultation.opens_at = timezone.now() - timedelta(days=10)
    consultation.closes_at = timezone.now() - timedelta(days=1)
    consultation.save()
    response = superuser_client.get(consultation.get_absolute_url())
    assert response.status_code == 200
    assert FORM not in response.content.decode()
    refused = superuser_client.post(f"{consultation.get_absolute_url()}kommenter/", {"text": "Hei"})
    assert refused.status_code in (400, 403)


def test_the_comment_form_on_an_open_consultation(superuser_client, consultation):
    response = superuser_client.get(consultation.get_absolute_url())
    assert response.status_code == 200
    assert FORM in response.content.decode()
