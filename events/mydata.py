"""A resident's sign-ups, for the "my data" export (registered with asker.personaldata in
apps.py). Deleting the account deletes them (and gives their places to the waiting list)."""

from .models import Registration


def export_user_data(user):
    return [
        {
            "event": {"id": r.event_id, "title": r.event.title, "starts_at": r.event.starts_at.isoformat()},
            "state": r.state,
            "signed_up_at": r.created_at.isoformat(),
            "language": r.language,
        }
        for r in Registration.objects.filter(user=user).select_related("event").order_by("created_at", "pk")
    ]
