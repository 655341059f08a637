"""Survey rounds and responses for the Stedskompasset tests."""

from datetime import timedelta

import factory
from django.utils import timezone

from stedskompasset.models import SurveyResponse, SurveyRound, ThemeScore
from stedskompasset.themes import THEMES
from tests.factories import CentreFactory


class RoundFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SurveyRound

    centre = factory.SubFactory(CentreFactory)
    title = factory.Sequence(lambda n: f"Stedskompasset runde {n}")
    opens_at = factory.LazyFunction(lambda: timezone.now() - timedelta(days=1))
    closes_at = factory.LazyFunction(lambda: timezone.now() + timedelta(days=30))


def closed_round(**kwargs):
    now = timezone.now()
    return RoundFactory(**{"opens_at": now - timedelta(days=60), "closes_at": now - timedelta(days=2), **kwargs})


def respond(survey_round, scores, user=None, participants=None):
    """A response with `scores`: one number for every theme, or a list of 14."""
    if isinstance(scores, int):
        scores = [scores] * len(THEMES)
    response = SurveyResponse.objects.create(
        round=survey_round, respondent=user, participants=participants or 1,
        kind=SurveyResponse.Kind.WORKSHOP if participants else SurveyResponse.Kind.SURVEY)
    ThemeScore.objects.bulk_create([ThemeScore(response=response, theme=t.number, score=s)
                                    for t, s in zip(THEMES, scores)])
    return response


def answer_data(survey_round, scores=4, **extra):
    """POST data of the survey form: every theme scored."""
    if isinstance(scores, int):
        scores = [scores] * len(THEMES)
    data = {"runde": str(survey_round.pk)}
    for theme, score in zip(THEMES, scores):
        data[f"score_{theme.number}"] = str(score)
        data[f"good_{theme.number}"] = ""
        data[f"better_{theme.number}"] = ""
    data.update(extra)
    return data
