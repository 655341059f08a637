"""`{% load events %}{% coming_events centre=centre %}` or `{% coming_events innbyggertorg=torg %}`:
the next few events there (public ones; a cancelled one says so) and the link to the centre's
calendar feed, for the centre and innbyggertorg pages. Two queries at most, whatever the count."""

from django import template

from events.models import Event

register = template.Library()

SHOWN = 5


@register.inclusion_tag("events/_coming_events.html")
def coming_events(centre=None, innbyggertorg=None, limit=SHOWN):
    events = Event.objects.public().coming().with_place().with_counts().order_by("starts_at", "pk")
    if innbyggertorg is not None:
        events = events.filter(innbyggertorg=innbyggertorg)
        centre = innbyggertorg.centre
    elif centre is not None:
        events = events.at_centre(centre)
    else:
        raise template.TemplateSyntaxError("coming_events needs centre= or innbyggertorg=")
    shown = list(events[:limit + 1])
    return {"events": shown[:limit], "more": len(shown) > limit, "centre": centre}
