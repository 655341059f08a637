"""Demo rounds for `make run`: a closed round at Klokkarstua, where the municipality held a
workshop with Stedskompasset in October 2021 (asker.kommune.no, "Idédugnad på Klokkarstua"), and
an open round at Heggedal with too few responses for results. Every response is generated
(marked is_demo, and the pages say so): the real workshop's scores are not public.
Idempotent, like the places demo it builds on."""

import random
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from django.db import transaction
from django.utils import timezone

from asker import pagecache
from places.models import Centre

from .models import SurveyResponse, SurveyRound, ThemeScore
from .themes import MAX_SCORE, MIN_SCORE, THEMES

OSLO = ZoneInfo("Europe/Oslo")
# Per theme, the score the generated answers lean to at Klokkarstua (a small centre in Hurum:
# nature and belonging high, public transport and work low). Made up for the demo.
KLOKKARSTUA_PROFILE = [4, 2, 3, 3, 6, 4, 3, 2, 4, 4, 5, 6, 4, 3]
HEGGEDAL_PROFILE = [5, 5, 4, 4, 5, 5, 5, 3, 4, 4, 5, 6, 4, 4]

ROUNDS = [
    {
        "centre": "klokkarstua", "title": "Stedskompasset Klokkarstua høsten 2021 (demo)",
        "description": "Kommunen holdt idédugnad og workshop med Stedskompasset på Klokkarstua i oktober 2021. "
                       "Svarene i denne runden er laget for demoen og er ikke resultatene fra workshopen.",
        "opens_at": datetime(2021, 9, 20, 9, 0, tzinfo=OSLO), "closes_at": datetime(2021, 11, 15, 23, 59, tzinfo=OSLO),
        "profile": KLOKKARSTUA_PROFILE, "answers": 26,
        # Groups at the October 2021 workshop (the date is not given, so none is stored).
        "workshops": [7, 6, 8, 5],
    },
    {
        "centre": "heggedal", "title": "Stedskompasset Heggedal (demo)",
        "description": "Demorunde: fortell hvordan du opplever Heggedal i dag.",
        "open_days": (7, 60), "profile": HEGGEDAL_PROFILE, "answers": 3, "workshops": [],
    },
]


def _score(rng, lean):
    return max(MIN_SCORE, min(MAX_SCORE, lean + rng.choice((-2, -1, -1, 0, 0, 0, 1, 1, 2))))


def _response(survey_round, rng, profile, participants=None):
    kind = SurveyResponse.Kind.WORKSHOP if participants else SurveyResponse.Kind.SURVEY
    response = SurveyResponse.objects.create(
        round=survey_round, kind=kind, participants=participants or 1, is_demo=True,
        held_at="Klokkarstua" if participants else "")
    ThemeScore.objects.bulk_create([ThemeScore(response=response, theme=theme.number, score=_score(rng, lean))
                                    for theme, lean in zip(THEMES, profile)])


@transaction.atomic
def load_demo_stedskompasset():
    """Returns the number of rounds made (0 when they were all there)."""
    made = 0
    now = timezone.now()
    for spec in ROUNDS:
        centre = Centre.objects.filter(slug=spec["centre"]).first()
        if centre is None:
            continue
        if "open_days" in spec:
            before, after = spec["open_days"]
            opens_at, closes_at = now - timedelta(days=before), now + timedelta(days=after)
        else:
            opens_at, closes_at = spec["opens_at"], spec["closes_at"]
        survey_round, created = SurveyRound.objects.get_or_create(
            centre=centre, title=spec["title"],
            defaults={"description": spec["description"], "opens_at": opens_at, "closes_at": closes_at,
                      "is_demo": True})
        made += created
        if survey_round.responses.exists():
            continue
        rng = random.Random(spec["centre"])  # the same answers on every machine
        for _ in range(spec["answers"]):
            _response(survey_round, rng, spec["profile"])
        for participants in spec["workshops"]:
            _response(survey_round, rng, spec["profile"], participants)
    pagecache.bump()  # bulk_create sends no signals
    return made
