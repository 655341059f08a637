import pytest

from asker import roles
from tests.factories import UserFactory


@pytest.fixture
def staff(db):
    """Everyone who could be told of a report, and who must not be: two administrators (one by
    group, one superuser), one inactive administrator, one without an address, and the rest."""
    return {
        "admin": UserFactory(username="admin", email="admin@asker.example", role=roles.ADMINISTRATOR),
        "root": UserFactory(username="root", email="root@asker.example", is_superuser=True, is_staff=True),
        "gone": UserFactory(username="gone", email="gone@asker.example", role=roles.ADMINISTRATOR, is_active=False),
        "silent": UserFactory(username="silent", email="", role=roles.ADMINISTRATOR),
        "planner": UserFactory(username="planner", email="planner@asker.example", role=roles.PLANNER),
        "moderator": UserFactory(username="moderator", email="moderator@asker.example", role=roles.MODERATOR),
        "resident": UserFactory(username="resident", email="resident@asker.example", role=roles.RESIDENT),
    }


def report(**changes):
    return {"page": "/prosjekter/", "problem": "Filteret kan ikke brukes med skjermleser.",
            "email": "", "website": "", **changes}
