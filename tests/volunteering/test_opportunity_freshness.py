"""The stored opportunity pages show a change at the very next request (a new or changed
opportunity, one withdrawn from publication) and follow the clock: an opportunity leaves the
stored lists at the midnight in Oslo after its last day, with no row changed."""

import datetime

import pytest
from django.utils import timezone

from tests.asker.test_page_freshness import load, prefix, viewer, warm  # noqa: F401  (shared fixtures)
from volunteering.models import Opportunity

pytestmark = pytest.mark.django_db
LIST = "/frivillighet/oppdrag/"
ORG = "/frivillighet/organisasjoner/974760673/"


def test_a_saved_opportunity_shows(viewer, prefix, opportunity):  # noqa: F811
    paths = [LIST, ORG, opportunity.get_absolute_url()]
    warm(viewer, prefix, paths + ["/frivillighet/"])
    opportunity.title = "Vafler til 17. mai"
    opportunity.save()
    assert all("Vafler til 17. mai" in page for page in load(viewer, prefix, paths).values())
    opportunity.published = False
    opportunity.save()
    pages = load(viewer, prefix, [LIST, ORG, "/frivillighet/"])
    assert all("Vafler til 17. mai" not in page for page in [pages[LIST], pages[ORG]])
    assert "oppdrag/" not in pages["/frivillighet/"].split("<table", 1)[-1]


def test_an_opportunity_leaves_the_stored_lists_at_midnight(viewer, prefix, opportunity, monkeypatch):  # noqa: F811
    last_day = timezone.localdate() + datetime.timedelta(days=3)
    opportunity.ends_on = last_day
    opportunity.save()  # the save bumps the stamp, which learns the new moment
    before = warm(viewer, prefix, [LIST, ORG, "/frivillighet/"])
    assert all("Vakter til 17. mai" in page for page in [before[LIST], before[ORG]])
    after_midnight = timezone.make_aware(datetime.datetime.combine(last_day + datetime.timedelta(days=1),
                                                                   datetime.time(0, 1)))
    monkeypatch.setattr(timezone, "now", lambda: after_midnight)
    after = load(viewer, prefix, [LIST, ORG, "/frivillighet/"])
    assert "Vakter til 17. mai" not in after[LIST] and "Vakter til 17. mai" not in after[ORG]


def test_moments_are_the_midnights_after_last_days(opportunity):
    now = timezone.make_aware(datetime.datetime(2030, 6, 1, 12))
    Opportunity.objects.filter(pk=opportunity.pk).update(ends_on=datetime.date(2030, 6, 15))
    (moment,) = list(Opportunity.objects.moments(now))
    assert timezone.localtime(moment) == timezone.make_aware(datetime.datetime(2030, 6, 16))
