"""A resident's interests in volunteer opportunities and requests to represent organisations,
for the "my data" export (registered with asker.personaldata in apps.py)."""

from .models import Interest


def export_user_data(user):
    return [
        {
            "opportunity": {"id": i.opportunity_id, "title": i.opportunity.title,
                            "organisation": i.opportunity.organisation.name},
            "message": i.message,
            "contacted": i.contacted,
            "registered_at": i.created_at.isoformat(),
        }
        for i in Interest.objects.filter(user=user).select_related("opportunity__organisation").order_by("created_at", "pk")
    ]
