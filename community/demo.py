"""Demo data for the community pages: the eight innbyggertorg from data/asker-innbyggertorg.csv
(see data/SOURCES.md for what is real) and the archive of the three lokalsamfunnsutvalg.
Idempotent: every row is found by its natural key and written only when it differs."""

import csv
from datetime import date, time
from pathlib import Path

from django.db import transaction
from django.utils import timezone

from places.models import Centre

from .models import (
    CommitteeMeeting,
    CommitteeMember,
    HoursException,
    Innbyggertorg,
    LocalCommunityCommittee,
    Service,
    WeeklyHours,
)

CSV = Path(__file__).resolve().parent / "data" / "asker-innbyggertorg.csv"
K = Service.Kind
MON, TUE, WED, THU, FRI, SAT = range(6)

# Per centre slug: the status and facts of the CSV row in Norwegian, the services its facts name,
# and weekly hours (real for Borgen, demo for Heggedal and Slemmestad).
TORG = {
    "asker-sentrum": {"status": "Planlagt: videre utvikling behandlet i formannskapet i 2022.",
                      "description": "Ett av de åtte planlagte innbyggertorgene.", "services": []},
    "borgen": {"status": "I drift siden 2018.", "description": "Kafé KIME (sosialt entreprenørskap) og bokomat.",
               "services": [K.CAFE, K.BOKOMAT], "hours": [(d, "09:00", "15:00") for d in (MON, TUE, WED, THU, FRI)]},
    "heggedal": {"status": "Nye lokaler åpnet 15. februar 2021 (offisiell åpning 10. mars 2021).",
                 "description": "2 000–2 200 m² over fire etasjer: bibliotek, scene og auditorium med om lag "
                                "140 plasser, helsestasjon, nærmiljøsentral, kafé og innbyggerservice.",
                 "services": [K.LIBRARY, K.STAGE, K.HELSESTASJON, K.NAERMILJOSENTRAL, K.CAFE, K.INNBYGGERSERVICE],
                 "demo_hours": [*((d, "09:00", "20:00") for d in (MON, TUE, WED, THU)), (FRI, "09:00", "16:00"),
                                (SAT, "10:00", "15:00")]},
    "holmen": {"status": "Åpent (tidligere Holmen seniorsenter); skal utvides.", "description": "", "services": []},
    "slemmestad": {"status": "Åpnet i 2021 i en midlertidig paviljong mens sentrum bygges om.",
                   "description": "1 200 m² med bibliotek, sal, aktivitetsrom og innbyggerservice; kulturskole. "
                                  "Kafé Plenum ligger i nabobygget.",
                   "services": [K.LIBRARY, K.MEETING_ROOMS, K.INNBYGGERSERVICE, K.KULTURSKOLE],
                   "demo_hours": [*((d, "10:00", "19:00") for d in (MON, TUE, WED, THU, FRI)), (SAT, "11:00", "15:00")]},
    "saetre": {"status": "Åpning i 2021.", "description": "", "services": []},
    "tofte": {"status": "Prosjektkontor (2020); bruker Tofte samfunnshus og S3 Ungdommens kulturhus.",
              "description": "Planlagt i første etasje i samme bygg som biblioteket.", "services": []},
    "spikkestad": {"status": "Planleggingen startet våren 2023, med prosjektleder i tre år fra januar 2023.",
                   "description": "Kommunestyret vedtok bokomat i mai 2022 («JA til bibliotek i Spikkestad»).",
                   "services": [K.BOKOMAT]},
}
# Demo exceptions for the torg with demo hours, each year: (month, day, opens, closes, note).
DEMO_EXCEPTIONS = [(12, 24, "09:00", "12:00", "Julaften"), (12, 31, None, None, "Nyttårsaften")]
BORGEN_HOURS_SOURCE = "Åpningstider: mandag–fredag 09–15 (asker.kommune.no)."

COMMITTEES = [
    ("tofte", "Lokalsamfunnsutvalget i Tofte", "Tofte og Filtvet", "Tofte samfunnshus"),
    ("slemmestad", "Lokalsamfunnsutvalget i Slemmestad", "Slemmestad og omegn", "Slemmestad innbyggertorg"),
    ("heggedal", "Lokalsamfunnsutvalget i Heggedal", "Heggedal og Hallenskog", "Heggedal innbyggertorg"),
]
COMMITTEE_SOURCE = ("Forsøk med lokalsamfunnsutvalg 2020–2021 i Tofte, Slemmestad og Heggedal; forsøket er "
                    "avsluttet (Asker kommunes presentasjon «Nye Asker»). Periodene er forsøkets år: nøyaktige "
                    "datoer står ikke i kildene. Medlemmer og møter er demodata.")
MEMBER_ROLES = [(CommitteeMember.Role.LEADER, "A"), (CommitteeMember.Role.DEPUTY, "B"),
                (CommitteeMember.Role.MEMBER, "C"), (CommitteeMember.Role.MEMBER, "D"),
                (CommitteeMember.Role.SECRETARY, "E")]
MEETINGS = [
    (date(2020, 9, 15), "Demo: Oppstart av forsøket. Hvordan utvalget skal arbeide.",
     "Demo-referat: Utvalget ble enige om å møtes hver tredje måned og å invitere lag og foreninger."),
    (date(2021, 3, 9), "Demo: Innspill til stedsutvikling i sentrum. Trafikksikker skolevei.",
     "Demo-referat: Utvalget sender innspill om gangvei og belysning til kommunen."),
    (date(2021, 11, 23), "Demo: Erfaringer fra forsøket.",
     "Demo-referat: Utvalget oppsummerte forsøket og anbefalte faste møteplasser på innbyggertorget."),
]


def _changed(obj, values):
    if obj.pk is None:
        for name, value in values.items():
            setattr(obj, name, value)
        return True
    changed = False
    for name, value in values.items():
        old = getattr(obj, name)
        same = old.equals_exact(value, 1e-9) if hasattr(old, "equals_exact") else old == value
        if not same:
            setattr(obj, name, value)
            changed = True
    return changed


def upsert(model, lookup, values):
    # Writing only what changed keeps a second run from saving (and bumping the page cache).
    obj = model.objects.filter(**lookup).first() or model(**lookup)
    if _changed(obj, values):
        obj.full_clean()
        obj.save()
        return obj, True
    return obj, False


def _clock(text):
    return None if text is None else time.fromisoformat(text)


@transaction.atomic
def load_demo_community():
    """Returns the number of rows written (0 on a second run)."""
    centres = {c.name: c for c in Centre.objects.all()}
    by_slug = {c.slug: c for c in centres.values()}
    written = 0
    with CSV.open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    for row in rows:
        centre = centres[row["name"].removesuffix(" innbyggertorg")]
        spec = TORG[centre.slug]
        address = "" if "not" in row["address"] else row["address"]
        source = " ; ".join(s.strip() for s in row["source"].split(" ; ") if s.strip().startswith("http"))
        if "hours" in spec:
            source = f"{BORGEN_HOURS_SOURCE} {source}"
        torg, new = upsert(Innbyggertorg, {"slug": centre.slug}, {
            "name": row["name"], "centre": centre,
            "address": address, "location": centre.location, "location_approximate": True,
            "status": spec["status"], "description": spec["description"],
            "hours_demo": "demo_hours" in spec, "source": source,
        })
        written += new
        for kind in spec["services"]:
            written += upsert(Service, {"innbyggertorg": torg, "kind": kind}, {})[1]
        for weekday, opens, closes in spec.get("hours", spec.get("demo_hours", [])):
            written += upsert(WeeklyHours, {"innbyggertorg": torg, "weekday": weekday, "opens": _clock(opens)},
                              {"closes": _clock(closes)})[1]
        if "demo_hours" in spec:
            year = timezone.localdate().year
            for y in (year, year + 1):
                for month, day, opens, closes, note in DEMO_EXCEPTIONS:
                    written += upsert(HoursException, {"innbyggertorg": torg, "date": date(y, month, day)},
                                      {"opens": _clock(opens), "closes": _clock(closes), "note": note})[1]
    for slug, name, area, place in COMMITTEES:
        committee, new = upsert(LocalCommunityCommittee, {"slug": slug}, {
            "name": name, "centre": by_slug[slug], "area": area,
            "period_start": date(2020, 1, 1), "period_end": date(2021, 12, 31),
            "description": "Forsøk med lokalsamfunnsutvalg, der innbyggere ga råd til kommunen om sitt "
                           "lokalsamfunn. Forsøket er avsluttet.",
            "source": COMMITTEE_SOURCE,
        })
        written += new
        for role, letter in MEMBER_ROLES:
            written += upsert(CommitteeMember, {"committee": committee, "name": f"Demoperson {letter} ({committee.centre.name})"},
                              {"role": role, "appointed_by": "Kommunestyret (demo)", "is_demo": True})[1]
        for day, agenda, minutes in MEETINGS:
            written += upsert(CommitteeMeeting, {"committee": committee, "date": day},
                              {"place": place, "agenda": agenda, "minutes": minutes, "is_demo": True})[1]
    return written
