import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _

from asker.forms import AccessibleErrorsMixin, NorwegianNamesSelect

from .models import Centre, Developer, DevelopmentProject


class IntegerFilter(django_filters.NumberFilter):
    # Whole numbers only: "2020.5" is a mistake to point out, not to round.
    field_class = forms.IntegerField


class ProjectFilterForm(AccessibleErrorsMixin, forms.Form):
    def clean(self):
        data = super().clean()
        if data.get("year_from") and data.get("year_to") and data["year_from"] > data["year_to"]:
            self.add_error("year_to", _("The last year cannot be before the first year."))
        return data


def _number_widget(minimum, maximum):
    return forms.NumberInput(attrs={"inputmode": "numeric", "min": minimum, "max": maximum})


class ProjectFilter(django_filters.FilterSet):
    """Filters for /prosjekter/; the queryset comes from `services.project_list_queryset`,
    which annotates `dwellings`, `first_year` and `last_year`, and the user decides which
    developers can be chosen."""

    centre = django_filters.ModelChoiceFilter(
        label=_("Centre"), queryset=Centre.objects.only("name", "slug").order_by("name"),
        to_field_name="slug", empty_label=_("All centres"), widget=NorwegianNamesSelect,
    )
    status = django_filters.ChoiceFilter(
        label=_("Status"), choices=DevelopmentProject.Status.choices, empty_label=_("All statuses")
    )
    # Its choices are set per user: only developers of projects the user may see.
    developer = django_filters.ModelChoiceFilter(
        label=_("Developer"), queryset=Developer.objects.none(),
        to_field_name="slug", empty_label=_("All developers"), field_name="developers",
        widget=NorwegianNamesSelect,
    )
    # A project is "in" a year range when its phases overlap it.
    year_from = IntegerFilter(
        label=_("Building in or after year"), field_name="last_year", lookup_expr="gte",
        min_value=1900, max_value=2100, widget=_number_widget(1900, 2100),
    )
    year_to = IntegerFilter(
        label=_("Building in or before year"), field_name="first_year", lookup_expr="lte",
        min_value=1900, max_value=2100, widget=_number_widget(1900, 2100),
    )
    min_dwellings = IntegerFilter(
        label=_("At least this many dwellings"), field_name="dwellings", lookup_expr="gte",
        min_value=0, max_value=1_000_000, widget=_number_widget(0, 1_000_000),
    )

    class Meta:
        model = DevelopmentProject
        fields = []
        form = ProjectFilterForm

    def __init__(self, data=None, queryset=None, *, user, **kwargs):
        super().__init__(data, queryset, **kwargs)
        self.filters["developer"].queryset = Developer.objects.visible_to(user).order_by("name")
