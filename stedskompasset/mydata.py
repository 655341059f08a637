"""A resident's own Stedskompasset answers: for the "my data" export (registered with
asker.personaldata in apps.py), and forgotten with the account.

Workshop groups are not anyone's: their scores name no resident, and the facilitator who typed
them in is not their author, so they are not part of anyone's export.
"""

from django.db.models import Prefetch

from .models import SurveyResponse, ThemeScore
from .themes import BY_NUMBER


def export_user_data(user):
    """Every answer `user` gave, with its scores and comments, as JSON-ready data."""
    answers = (SurveyResponse.objects.filter(respondent=user).select_related("round__centre")
               .prefetch_related(Prefetch("scores", queryset=ThemeScore.objects.order_by("theme")))
               .order_by("created_at", "pk"))
    return [
        {
            "round": {"title": a.round.title, "centre": a.round.centre.name, "centre_slug": a.round.centre.slug},
            "answered_at": a.created_at.isoformat(),
            "scores": [{"theme": s.theme, "theme_name": str(BY_NUMBER[s.theme].name), "score": s.score,
                        "good_now": s.good_now, "could_be_better": s.could_be_better} for s in a.scores.all()],
        }
        for a in answers
    ]


def forget_comments(sender, instance, **kwargs):
    """Before a user is deleted: their answers stay as anonymous numbers (respondent is set to
    null), but what they wrote in the comments may say who they are, so it goes."""
    ThemeScore.objects.filter(response__respondent=instance).exclude(good_now="", could_be_better="").update(
        good_now="", could_be_better="")
