from django import forms
from django.contrib.gis.geos import GEOSGeometry
from django.core.exceptions import NON_FIELD_ERRORS
from django.utils.translation import gettext_lazy as _
from leaflet.forms.widgets import LeafletWidget

from asker import forms as asker_forms
from places import bounds, sdg
from places.forms import PhaseInlineFormSet
from places.models import Centre, Developer, DevelopmentProject, Plan, ProjectPhase
from places.text import norwegian_slug



class ModelErrorsMixin(asker_forms.AccessibleErrorsMixin):
    """Accessible errors (asker.forms), and model rules' messages about derived fields."""

    def _update_errors(self, errors):
        # Model rules may name a field the form derives instead of showing (the map point
        # follows the area): such messages belong to the form as a whole, once each.
        if hasattr(errors, "error_dict"):
            general = errors.error_dict.setdefault(NON_FIELD_ERRORS, [])
            shown = {m for name, errs in errors.error_dict.items() for e in errs for m in e.messages
                     if name in self.fields}
            for name in [n for n in errors.error_dict if n != NON_FIELD_ERRORS and n not in self.fields]:
                for error in errors.error_dict.pop(name):
                    if not set(error.messages) <= shown:
                        general.append(error)
            if not general:
                del errors.error_dict[NON_FIELD_ERRORS]
        super()._update_errors(errors)


def unique_slug(model, name, instance_pk=None):
    """An address name made from `name`: free, and none of the words the addresses themselves use."""
    base = norwegian_slug(name)[:45] or "uten-navn"
    slug, n = base, 2
    while slug in bounds.RESERVED_SLUGS or model.objects.filter(slug=slug).exclude(pk=instance_pk).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug


class ProjectForm(ModelErrorsMixin, forms.ModelForm):
    slug = forms.SlugField(
        label=_("Address name"), required=False, max_length=50,
        help_text=_("Part of the page address. Left empty, it is made from the name."),
    )
    sdg_goals = forms.TypedMultipleChoiceField(
        label=_("UN sustainable development goals"), choices=sdg.choices, coerce=int,
        required=False, widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = DevelopmentProject
        fields = [
            "name", "slug", "centre", "developers", "architect", "description", "status",
            "flats", "terraced", "detached", "commercial_m2", "kindergarten", "local_centre",
            "marina", "plan_id", "sdg_goals", "geometry",
        ]
        widgets = {
            "developers": forms.CheckboxSelectMultiple,
            "centre": asker_forms.NorwegianNamesSelect,
            "geometry": LeafletWidget(attrs={"geom_type": "MultiPolygon"}),
            "description": forms.Textarea(attrs={"rows": 4}),
        }

    area_file = forms.FileField(
        label=_("Or take the area from a map file"), required=False,
        help_text=_("GeoJSON, a zipped Shapefile, GML or GeoPackage, in EPSG:4326, 25832 or 25833."),
    )

    def __init__(self, *args, municipality=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.municipality = municipality
        # What the planner must still choose from the file (several areas, a repair, an assumed
        # coordinate system): the view asks once the project is saved.
        self.waiting_upload = None
        if self.instance.pk:
            del self.fields["area_file"]  # an existing project has its own upload page
        else:
            from .upload import ACCEPT

            self.fields["area_file"].widget.attrs["accept"] = ACCEPT
        self.fields["centre"].queryset = Centre.objects.filter(municipality=municipality).order_by("name")
        self.fields["developers"].queryset = Developer.objects.order_by("name")
        for name in ("flats", "terraced", "detached", "commercial_m2"):
            limit = bounds.MAX_COMMERCIAL_M2 if name == "commercial_m2" else bounds.MAX_DWELLINGS
            self.fields[name].widget.attrs.update({"min": 0, "max": limit, "inputmode": "numeric"})

    def clean_slug(self):
        slug = self.cleaned_data.get("slug")
        if not slug:
            return unique_slug(DevelopmentProject, self.cleaned_data.get("name") or "", self.instance.pk)
        if DevelopmentProject.objects.filter(slug=slug).exclude(pk=self.instance.pk).exists():
            raise forms.ValidationError(_("Another project already has this address name."))
        return slug

    def clean_area_file(self):
        uploaded = self.cleaned_data.get("area_file")
        if not uploaded:
            return None
        from places.geofile import GeoFileError

        from .upload import needs_choice, waiting_upload

        try:
            upload = waiting_upload(uploaded, self.municipality)
        except GeoFileError as exc:
            raise forms.ValidationError(exc.message, code=exc.code) from None
        if needs_choice(upload):
            self.waiting_upload = upload
            return None
        return GEOSGeometry(upload["candidates"][0]["ewkt"])

    def clean(self):
        data = super().clean()
        from_file = data.get("area_file")
        if from_file is not None or self.waiting_upload is not None:
            if data.get("geometry") is not None:
                self.add_error("area_file", _("Draw the area on the map or take it from a file, not both."))
                self.waiting_upload = None
                return data
            if from_file is not None:
                data["geometry"] = from_file
        if "geometry" in data:
            # The map point follows the drawn area; without one, the centre's point stands in.
            if data.get("centre") is not None:
                self.instance.centre = data["centre"]
            self.instance.set_area(data["geometry"])
        return data


class PhaseForm(ModelErrorsMixin, forms.ModelForm):
    class Meta:
        model = ProjectPhase
        fields = ["number", "name", "dwellings", "start_year", "finish_year"]


    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["dwellings"].widget.attrs.update({"min": 0, "max": bounds.MAX_DWELLINGS, "inputmode": "numeric"})
        for name in ("start_year", "finish_year"):
            self.fields[name].widget.attrs.update({"min": bounds.MIN_YEAR, "max": bounds.MAX_YEAR, "inputmode": "numeric"})


PhaseFormSet = forms.inlineformset_factory(
    DevelopmentProject, ProjectPhase, form=PhaseForm, formset=PhaseInlineFormSet, extra=2, can_delete=True,
)


class PlanForm(ModelErrorsMixin, forms.ModelForm):
    class Meta:
        model = Plan
        fields = ["plan_id", "name", "kind", "plan_type", "plan_status", "centre", "adopted",
                  "description", "boundary"]
        widgets = {
            "boundary": LeafletWidget(attrs={"geom_type": "MultiPolygon"}),
            "centre": asker_forms.NorwegianNamesSelect,
            "adopted": forms.DateInput(attrs={"type": "date"}),
            "description": forms.Textarea(attrs={"rows": 4}),
        }

    def __init__(self, *args, municipality=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["centre"].queryset = Centre.objects.filter(municipality=municipality).order_by("name")


class CentreForm(ModelErrorsMixin, forms.ModelForm):
    slug = forms.SlugField(label=_("Address name"), required=False, max_length=50,
                           help_text=_("Part of the page address. Left empty, it is made from the name."))

    class Meta:
        model = Centre
        fields = ["name", "slug", "level", "parent", "location", "population", "description"]
        widgets = {
            "location": LeafletWidget(attrs={"geom_type": "Point"}),
            "description": forms.Textarea(attrs={"rows": 4}),
            "parent": asker_forms.NorwegianNamesSelect,
        }

    def __init__(self, *args, municipality=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["parent"].queryset = (
            Centre.objects.filter(municipality=municipality)
            .exclude(level=Centre.Level.NAERSENTER).exclude(pk=self.instance.pk).order_by("name")
        )

    def clean_slug(self):
        slug = self.cleaned_data.get("slug")
        if not slug:
            return unique_slug(Centre, self.cleaned_data.get("name") or "", self.instance.pk)
        if Centre.objects.filter(slug=slug).exclude(pk=self.instance.pk).exists():
            raise forms.ValidationError(_("Another centre already has this address name."))
        return slug


class SearchForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False, max_length=100)
