"""A round's results: per theme the number of responses, the median and the distribution of the
scores 1..7, compared with an earlier round of the same centre and with the municipality.

How responses weigh: each response counts once, a workshop group's agreed scores as one response
like a resident's answer (the group agreed one number; weighting it by its participants would
let that number stand for people whose own scores may have differed). The page says so and shows
how many workshop groups and participants there were.

The municipality's median for a theme is the median over every response in the rounds of any
centre in the same municipality that closed in the same calendar year (Europe/Oslo) as this round,
this round included; for a round still open, the rounds closed so far that year and this one.

Counts come from the database, grouped by (round, theme, score): three queries whatever the number
of responses, and the medians are computed from the counts.
"""

from dataclasses import dataclass, field

from django.db.models import Count, Q, Sum
from django.utils import timezone

from .models import SurveyResponse, SurveyRound, ThemeScore
from .themes import SCORES, THEMES

# Results are withheld below this many responses: too few to say anything, and too few to keep
# anyone's answers from being recognised.
MIN_RESPONSES = 5


def median_of_counts(counts):
    """The median of scores given as {score: how many}; the mean of the two middle ones when
    their number is even. None when there are none."""
    total = sum(counts.values())
    if total == 0:
        return None
    middle = []
    for wanted in sorted({(total - 1) // 2, total // 2}):
        seen = 0
        for score in SCORES:
            seen += counts.get(score, 0)
            if seen > wanted:
                middle.append(score)
                break
    return sum(middle) / len(middle)


@dataclass
class ThemeResult:
    theme: object
    counts: dict = field(default_factory=dict)
    earlier: float | None = None
    municipality: float | None = None

    @property
    def responses(self):
        return sum(self.counts.values())

    @property
    def median(self):
        return median_of_counts(self.counts)

    @property
    def distribution(self):
        return [self.counts.get(score, 0) for score in SCORES]


def _counts(scores):
    """{theme: {score: n}} from ThemeScore rows, in one grouped query."""
    result = {theme.number: {} for theme in THEMES}
    for row in scores.values("theme", "score").annotate(n=Count("id")).order_by():
        result.setdefault(row["theme"], {})[row["score"]] = row["n"]
    return result


def response_totals(survey_round):
    """(responses, workshop groups, their participants), in one query."""
    totals = SurveyResponse.objects.filter(round=survey_round).aggregate(
        responses=Count("id"), workshops=Count("id", filter=Q(kind=SurveyResponse.Kind.WORKSHOP)),
        participants=Sum("participants", filter=Q(kind=SurveyResponse.Kind.WORKSHOP)))
    return totals["responses"], totals["workshops"], totals["participants"] or 0


def earlier_round(survey_round, rounds):
    """The latest round of the same centre that opened before this one, from `rounds` (the
    centre's rounds, already fetched)."""
    earlier = [r for r in rounds if r.pk != survey_round.pk and r.opens_at < survey_round.opens_at]
    return max(earlier, key=lambda r: r.opens_at, default=None)


def municipality_year(survey_round):
    return timezone.localtime(survey_round.closes_at).year


def municipality_counts(survey_round, now=None):
    now = now or timezone.now()
    # __year is taken in the current time zone (Europe/Oslo).
    return _counts(ThemeScore.objects.filter(response__round__centre__municipality_id=survey_round.centre.municipality_id)
                   .filter(Q(response__round=survey_round)
                           | Q(response__round__closes_at__lte=now,
                               response__round__closes_at__year=municipality_year(survey_round))))


@dataclass
class RoundResults:
    round: SurveyRound
    responses: int
    workshops: int
    participants: int
    themes: list
    earlier: SurveyRound | None = None
    year: int | None = None

    @property
    def withheld(self):
        return self.responses < MIN_RESPONSES

    @property
    def medians(self):
        return [t.median for t in self.themes]

    @property
    def earlier_medians(self):
        return [t.earlier for t in self.themes] if self.earlier else None


def results(survey_round, rounds):
    """The results of `survey_round`; `rounds` are its centre's rounds (for the earlier one)."""
    responses, workshops, participants = response_totals(survey_round)
    themes = [ThemeResult(theme) for theme in THEMES]
    outcome = RoundResults(survey_round, responses, workshops, participants, themes,
                           year=municipality_year(survey_round))
    if outcome.withheld:
        return outcome
    counts = _counts(ThemeScore.objects.filter(response__round=survey_round))
    for result in themes:
        result.counts = counts[result.theme.number]
    earlier = earlier_round(survey_round, rounds)
    if earlier is not None:
        earlier_counts = _counts(ThemeScore.objects.filter(response__round=earlier))
        # The earlier round is compared only if its own results could be shown.
        if sum(earlier_counts[THEMES[0].number].values()) >= MIN_RESPONSES:
            outcome.earlier = earlier
            for result in themes:
                result.earlier = median_of_counts(earlier_counts[result.theme.number])
    everywhere = municipality_counts(survey_round)
    for result in themes:
        result.municipality = median_of_counts(everywhere[result.theme.number])
    return outcome
