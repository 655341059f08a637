"""Demo consultations for `make run`: one open about Heggedal, one closed about Slemmestad,
with a few comments in each state. Idempotent, like the places demo it builds on."""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from places.models import Plan

from .models import Comment, Consultation, ModerationAction

CONSULTATIONS = [
    {
        "slug": "heggedal-sentrum-demo", "centre": "heggedal", "open": True, "moderation": "pre",
        "title": "Hvordan skal Heggedal sentrum bli? (demo)",
        "text": "Demohøring: Kommunen vil høre hva du mener om torget, parken og gangveiene i Heggedal "
                "sentrum. Merk gjerne i kartet hvor det du skriver om, er.",
        "comments": [
            ("beboer", "Torget trenger flere benker og mer skygge om sommeren.", "published"),
            ("frivillig", "Vi i idrettslaget ønsker en trygg gangvei fra stasjonen til banen.", "published"),
            ("beboer", "Hva skjer med parkeringen ved stasjonen?", "pending"),
        ],
    },
    {
        "slug": "slemmestad-demo", "centre": "slemmestad", "open": False, "moderation": "post",
        "title": "Områdeplan for Slemmestad (avsluttet demo)",
        "text": "Demohøring som er avsluttet: innspill til områdeplanen for Slemmestad.",
        "comments": [("beboer", "Strandpromenaden må være åpen for alle.", "published")],
        # The municipality's answer, published (and its one e-mail counted as sent: demo data mails no one).
        "answer": {
            "answer_heard": "Mange ønsker at strandpromenaden skal være åpen for alle hele året.",
            "answer_changes": "Planen sikrer en sammenhengende promenade langs sjøen, åpen for allmennheten.",
            "answer_next": "Planen legges fram for kommunestyret. Du kan følge saken i kommunens innsyn.",
            "case_number": "23/01234",
            "case_url": "https://www.asker.kommune.no/",
        },
    },
]


def _answer(spec, now):
    if "answer" not in spec:
        return {}
    published = now - timedelta(days=10)
    return {**spec["answer"], "decided_on": timezone.localdate(now - timedelta(days=20)),
            "answer_published_at": published, "answer_notified_at": published}


@transaction.atomic
def load_demo_consultations():
    users = {u.username: u for u in get_user_model().objects.filter(username__in=["beboer", "frivillig"])}
    now = timezone.now()
    made = 0
    for spec in CONSULTATIONS:
        plan = Plan.objects.filter(centre__slug=spec["centre"]).order_by("plan_id").first()
        if plan is None:
            continue
        opens, closes = ((now - timedelta(days=7), now + timedelta(days=30)) if spec["open"]
                         else (now - timedelta(days=90), now - timedelta(days=30)))
        consultation, created = Consultation.objects.get_or_create(slug=spec["slug"], defaults={
            "municipality": plan.municipality, "plan": plan, "title": spec["title"], "text": spec["text"],
            "opens_at": opens, "closes_at": closes, "moderation": spec["moderation"], "retention_days": 365,
            **_answer(spec, now),
        })
        made += created
        for username, text, state in spec["comments"]:
            author = users.get(username)
            if author is None or Comment.objects.filter(consultation=consultation, text=text).exists():
                continue
            comment = Comment.objects.create(consultation=consultation, author=author, text=text, state=state)
            ModerationAction.objects.create(comment=comment, actor=author, action=ModerationAction.Action.SUBMITTED)
            if state == "published" and spec["moderation"] == "pre":
                ModerationAction.objects.create(comment=comment, actor=None, action=ModerationAction.Action.APPROVED,
                                                params={"source": "demo"})
    return made
