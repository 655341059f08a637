"""/lokalsamfunnsutvalg/ and /lokalsamfunnsutvalg/<slug>/: the archive of the ended trial, with
demo members marked, meetings with agenda and minutes, and a minutes PDF served as a download."""

from datetime import date

import pytest
from django.core.files.base import ContentFile

from community.models import CommitteeMeeting, CommitteeMember

from .factories import CommitteeFactory, MeetingFactory, MemberFactory

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture
def tofte(heggedal):
    committee = CommitteeFactory(name="Lokalsamfunnsutvalget i Tofte", slug="tofte", centre=heggedal,
                                 area="Tofte og Filtvet")
    MemberFactory(committee=committee, name="Demoperson B", role=CommitteeMember.Role.MEMBER)
    MemberFactory(committee=committee, name="Demoperson A", role=CommitteeMember.Role.LEADER)
    MeetingFactory(committee=committee, date=date(2021, 3, 9), agenda="Demo: Skolevei.", minutes="Demo: Innspill.")
    MeetingFactory(committee=committee, date=date(2020, 9, 15), agenda="Demo: Oppstart.", minutes="")
    return committee


def get(client, path, status=200):
    response = client.get(path)
    assert response.status_code == status, path
    return response.content.decode()


def test_the_archive_lists_the_committees(client, tofte):
    html = get(client, "/lokalsamfunnsutvalg/")
    assert "Lokalsamfunnsutvalget i Tofte" in html and "Forsøket er avsluttet" in html
    assert "1. januar 2020" in html and "31. desember 2021" in html
    html = get(client, "/en/lokalsamfunnsutvalg/")
    assert "The trial has ended" in html


def test_a_committee_page(client, tofte):
    html = get(client, "/lokalsamfunnsutvalg/tofte/")
    assert "Forsøket er avsluttet: denne siden er et arkiv." in html
    assert html.index("Demoperson A") < html.index("Demoperson B")  # the leader first
    assert "Leder" in html and "demonavn, ikke en virkelig person" in html
    assert html.index("Demo: Oppstart.") < html.index("Demo: Skolevei.")  # meetings by date
    assert "Tofte og Filtvet" in html


def test_a_committee_page_in_english(client, tofte):
    html = get(client, "/en/lokalsamfunnsutvalg/tofte/")
    assert "The trial has ended: this page is an archive." in html
    assert "Leader" in html and "demo name, not a real person" in html
    assert '<span lang="nb">Demoperson A</span>' in html


def test_unknown_committee_is_404(client, tofte):
    get(client, "/lokalsamfunnsutvalg/finnes-ikke/", 404)
    get(client, "/en/lokalsamfunnsutvalg/finnes-ikke/", 404)


def test_minutes_as_a_pdf_download(client, tofte, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    meeting = CommitteeMeeting.objects.get(date=date(2021, 3, 9))
    meeting.minutes_file.save("referat.pdf", ContentFile(PDF))
    html = get(client, "/lokalsamfunnsutvalg/tofte/")
    url = f"/lokalsamfunnsutvalg/tofte/referat/{meeting.pk}/"
    assert f'href="{url}"' in html
    response = client.get(url)
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert 'attachment; filename="referat-tofte-2021-03-09.pdf"' == response["Content-Disposition"]
    other = CommitteeMeeting.objects.get(date=date(2020, 9, 15))
    get(client, f"/lokalsamfunnsutvalg/tofte/referat/{other.pk}/", 404)        # no file
    get(client, f"/lokalsamfunnsutvalg/annet/referat/{meeting.pk}/", 404)      # wrong committee
    get(client, "/lokalsamfunnsutvalg/tofte/referat/999999/", 404)


def test_minutes_must_be_a_pdf(tofte):
    from django.core.exceptions import ValidationError

    meeting = CommitteeMeeting.objects.first()
    meeting.minutes_file = ContentFile(b"not a pdf at all", name="x.pdf")
    with pytest.raises(ValidationError) as error:
        meeting.full_clean()
    assert "minutes_file" in error.value.message_dict


def test_a_period_must_end_after_it_starts(heggedal):
    from django.core.exceptions import ValidationError

    committee = CommitteeFactory.build(centre=heggedal, period_start=date(2021, 1, 1), period_end=date(2020, 1, 1))
    with pytest.raises(ValidationError):
        committee.full_clean()


@pytest.mark.parametrize("count", [3, 40])
def test_queries_are_bounded(client, tofte, heggedal, count, django_assert_max_num_queries, settings):
    settings.PAGE_CACHE = False
    for n in range(count):
        committee = CommitteeFactory(centre=heggedal)
        MeetingFactory(committee=committee)
        MemberFactory(committee=tofte)
        MeetingFactory(committee=tofte)
    for path in ("/lokalsamfunnsutvalg/", "/lokalsamfunnsutvalg/tofte/"):
        client.get(path)
        with django_assert_max_num_queries(6):
            assert client.get(path).status_code == 200
