import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _

from asker.forms import AccessibleErrorsMixin, NorwegianNamesSelect, NorwegianTextarea
from places.models import Centre

from . import orgnr
from .models import ORGNR_LENGTH, Category, Opportunity, Organisation
from .opportunities import MESSAGE_LENGTH


class OrganisationNumberField(forms.CharField):
    """An organisation number as people write it ("974 760 673"): spaces are dropped, then the
    one rule (orgnr.validate) decides. For every form that takes one."""

    default_validators = [orgnr.validate]

    def __init__(self, **kwargs):
        kwargs.setdefault("max_length", 20)  # room for the spaces people type
        super().__init__(**kwargs)
        self.widget.attrs.setdefault("inputmode", "numeric")
        self.widget.attrs.setdefault("autocomplete", "off")

    def to_python(self, value):
        value = super().to_python(value)
        # Only plain spaces between digit groups; any other character is left for the rule to refuse.
        return value.replace(" ", "") if value else value

    def widget_attrs(self, widget):
        attrs = super().widget_attrs(widget)
        attrs["size"] = ORGNR_LENGTH + 2
        return attrs


class MessageForm(AccessibleErrorsMixin, forms.Form):
    """A short optional message: asking to represent, registering interest."""

    message = forms.CharField(label=_("Message (optional)"), required=False, max_length=MESSAGE_LENGTH,
                              widget=forms.Textarea(attrs={"rows": 3}))


class OrganisationForm(AccessibleErrorsMixin, forms.ModelForm):
    """What a representative keeps up to date; the name and number come from Enhetsregisteret."""

    class Meta:
        model = Organisation
        fields = ["website", "email", "phone", "street", "postcode", "post_town"]

    def clean_postcode(self):
        postcode = self.cleaned_data["postcode"]
        if postcode and not (postcode.isascii() and postcode.isdigit() and len(postcode) == 4):
            raise forms.ValidationError(_("A postcode is four digits."))
        return postcode


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


class OpportunityForm(AccessibleErrorsMixin, forms.ModelForm):
    centre = forms.ModelChoiceField(label=_("Centre"), queryset=Centre.objects.only("name").order_by("name"),
                                    widget=NorwegianNamesSelect)

    class Meta:
        model = Opportunity
        fields = ["title", "description", "commitment", "centre", "address", "starts_on", "ends_on",
                  "for_young_people", "published"]
        widgets = {
            "description": NorwegianTextarea(attrs={"rows": 8}),
            "commitment": forms.RadioSelect,
            "starts_on": DateInput(),
            "ends_on": DateInput(),
        }

    def clean(self):
        data = super().clean()
        if data.get("starts_on") and data.get("ends_on") and data["ends_on"] < data["starts_on"]:
            self.add_error("ends_on", _("The last day cannot be before the first day."))
        return data


class OpportunityFilterForm(AccessibleErrorsMixin, forms.Form):
    pass


class OpportunityFilter(django_filters.FilterSet):
    """Filters for /frivillighet/oppdrag/: the organisation's category, the centre, the time
    commitment, and whether it suits young people."""

    category = django_filters.ModelChoiceFilter(
        label=_("Category"), queryset=Category.objects.order_by("code"), field_name="organisation__categories",
        empty_label=_("All categories"),
    )
    centre = django_filters.ModelChoiceFilter(
        label=_("Centre"), queryset=Centre.objects.only("name", "slug").order_by("name"),
        to_field_name="slug", empty_label=_("All centres"), widget=NorwegianNamesSelect,
    )
    commitment = django_filters.ChoiceFilter(
        label=_("Time commitment"), choices=Opportunity.Commitment.choices, empty_label=_("Any"),
    )
    young = django_filters.ChoiceFilter(
        label=_("Suitable for young people"), choices=[("ja", _("Only those suitable for young people"))],
        empty_label=_("All"), method="only_young",
    )

    class Meta:
        model = Opportunity
        fields = []
        form = OpportunityFilterForm

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The label alone, in the page's language ("Sosiale tjenester", not "4 100 Sosiale tjenester").
        self.filters["category"].field.label_from_instance = lambda category: category.label

    def only_young(self, queryset, name, value):
        return queryset.filter(for_young_people=True) if value else queryset


class OrganisationFilterForm(AccessibleErrorsMixin, forms.Form):
    pass


SEARCH_LENGTH = 100


class OrganisationFilter(django_filters.FilterSet):
    """Search and filters for /frivillighet/ and its map data: name, category, centre."""

    q = django_filters.CharFilter(label=_("Name"), field_name="name", lookup_expr="icontains",
                                  max_length=SEARCH_LENGTH)
    category = django_filters.ModelChoiceFilter(
        label=_("Category"), queryset=Category.objects.order_by("code"), field_name="categories",
        to_field_name="code", empty_label=_("All categories"),
    )
    centre = django_filters.ModelChoiceFilter(
        label=_("Centre"), queryset=Centre.objects.only("name", "slug").order_by("name"),
        to_field_name="slug", empty_label=_("All centres"), widget=NorwegianNamesSelect,
    )

    class Meta:
        model = Organisation
        fields = []
        form = OrganisationFilterForm

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.filters["category"].field.label_from_instance = lambda category: category.label

    @property
    def bad(self):
        return self.is_bound and not self.is_valid()
