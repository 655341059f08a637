from django import forms
from django.contrib.gis.geos import Point
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from asker.forms import AccessibleErrorsMixin, NorwegianNamesSelect, NorwegianTextarea, bokmal_active
from community.models import Innbyggertorg
from places.geometry import inside_municipality
from places.models import Centre, Municipality

from .models import MAX_CAPACITY, Event

DATETIME = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")
DATETIME_FORMATS = ["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M", "%d.%m.%Y %H:%M"]


class EventForm(AccessibleErrorsMixin, forms.ModelForm):
    """An event and its one place: an innbyggertorg, a centre, or an address (with a point if
    the planner knows it). Times are Norwegian time (the form's fields follow TIME_ZONE)."""

    capacity = forms.IntegerField(label=_("Number of places"), required=False, min_value=1, max_value=MAX_CAPACITY,
                                  help_text=_("Empty: no limit."))
    lon = forms.FloatField(label=_("Longitude (optional)"), required=False, min_value=-180, max_value=180,
                           help_text=_("With an address: the point on the map, in degrees (WGS 84)."))
    lat = forms.FloatField(label=_("Latitude (optional)"), required=False, min_value=-90, max_value=90)
    publish = forms.BooleanField(label=_("Published: shown to everyone and open for sign-up"), required=False)

    class Meta:
        model = Event
        fields = ["kind", "title", "description", "innbyggertorg", "centre", "address", "starts_at", "ends_at",
                  "capacity"]
        widgets = {"starts_at": DATETIME, "ends_at": DATETIME, "description": NorwegianTextarea(attrs={"rows": 6}),
                   "innbyggertorg": NorwegianNamesSelect, "centre": NorwegianNamesSelect}
        help_texts = {"innbyggertorg": _("Choose one place: an innbyggertorg, a centre or an address."),
                      "address": _("Only when the event is neither at an innbyggertorg nor at a centre.")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["innbyggertorg"].queryset = Innbyggertorg.objects.order_by("name")
        self.fields["centre"].queryset = Centre.objects.only("name", "slug").order_by("name")
        for name in ("starts_at", "ends_at"):
            self.fields[name].input_formats = DATETIME_FORMATS
        if not bokmal_active():
            # The title is Norwegian content, like the description's text area.
            self.fields["title"].widget.attrs["lang"] = "nb"
            self.fields["address"].widget.attrs["lang"] = "nb"
        if self.instance.pk:
            self.fields["publish"].initial = self.instance.state != Event.State.DRAFT
            if self.instance.location is not None:
                self.fields["lon"].initial = round(self.instance.location.x, 6)
                self.fields["lat"].initial = round(self.instance.location.y, 6)
        if self.instance.is_cancelled:
            del self.fields["publish"]

    def clean_title(self):
        # One line: the title is a heading, an e-mail subject and a calendar SUMMARY.
        return " ".join(self.cleaned_data["title"].split())

    def clean(self):
        data = super().clean()
        chosen = [name for name in ("innbyggertorg", "centre", "address") if data.get(name)]
        # A choice the form refused (an unknown innbyggertorg) has its own message already.
        refused = any(name in self.errors for name in ("innbyggertorg", "centre", "address"))
        if not refused and len(chosen) != 1:
            self.add_error("innbyggertorg" if not chosen else chosen[1],
                           _("Choose exactly one place: an innbyggertorg, a centre or an address."))
        starts, ends = data.get("starts_at"), data.get("ends_at")
        if starts and ends and ends <= starts:
            self.add_error("ends_at", _("The event must end after it starts."))
        # The form shows whole minutes: an event under way, saved with its start as shown, keeps it.
        kept = self.instance.pk and starts == self.instance.starts_at.replace(second=0, microsecond=0)
        starts_changed = not kept
        if starts and starts_changed and starts < timezone.now():
            self.add_error("starts_at", _("The start cannot be in the past."))
        lon, lat = data.get("lon"), data.get("lat")
        if (lon is None) != (lat is None):
            self.add_error("lat" if lat is None else "lon", _("Give both longitude and latitude, or neither."))
        elif lon is not None:
            if not data.get("address"):
                self.add_error("lon", _("A point is given only with an address."))
            else:
                point = Point(lon, lat, srid=4326)
                municipality = Municipality.objects.order_by("pk").first()
                if municipality is not None and not inside_municipality(point, municipality):
                    self.add_error("lon", _("The point lies outside %(municipality)s.") % {
                        "municipality": municipality.name})
                data["location"] = point
        return data

    def save(self, commit=True):
        event = self.instance
        data = self.cleaned_data
        event.location = data.get("location") if data.get("address") else None
        if "publish" in self.fields:
            event.state = Event.State.PUBLISHED if data.get("publish") else Event.State.DRAFT
        return super().save(commit)


class CentreFilterForm(forms.Form):
    senter = forms.SlugField(required=False, max_length=50)
