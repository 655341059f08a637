from django.contrib.gis.db import models
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from places.models import Centre

from . import orgnr

ORGNR_LENGTH = 9


class Category(models.Model):
    """A category of Frivillighetsregisteret (ICNPO-based, code like "1 100")."""

    code = models.CharField(_("code"), max_length=8, unique=True)
    label_nb = models.CharField(_("label in Norwegian"), max_length=100)
    # Our own translation: the register publishes bokmål labels only.
    label_en = models.CharField(_("label in English"), max_length=100)

    class Meta:
        ordering = ["code"]
        verbose_name = _("category")
        verbose_name_plural = _("categories")

    def __str__(self):
        return f"{self.code} {self.label}"

    @property
    def label(self):
        return self.label_en if (get_language() or "").startswith("en") else self.label_nb

    def sort_key(self):
        # "10 100" comes after "9 100": compare the groups as numbers.
        return tuple(int(part) for part in self.code.split())


class OrganisationQuerySet(models.QuerySet):
    def visible_to(self, user):
        """The public sees active organisations; administrators see all. The one place that says so."""
        from asker.roles import is_administrator

        if is_administrator.test(user):
            return self.all()
        return self.filter(active=True)


class Organisation(models.Model):
    class Source(models.TextChoices):
        BRREG = "brreg", _("Enhetsregisteret import")
        HAND = "hand", _("Entered by hand")
        DEMO = "demo", _("Demo")

    class LocationBasis(models.TextChoices):
        """Where `location` came from, so a page can say how far to trust it."""
        NONE = "none", _("Unknown")
        POSTCODE = "postcode", _("From the postcode")
        POST_TOWN = "post_town", _("At the centre named by the post town")
        CENTRE = "centre", _("At its centre")
        HAND = "hand", _("Entered by hand")

    number = models.CharField(
        _("organisation number"), max_length=ORGNR_LENGTH, unique=True, validators=[orgnr.validate],
        help_text=_("Nine digits, as in Enhetsregisteret."),
    )
    name = models.CharField(_("name"), max_length=300)
    categories = models.ManyToManyField(Category, blank=True, related_name="organisations",
                                        verbose_name=_("categories"))
    street = models.CharField(_("street address"), max_length=300, blank=True)
    postcode = models.CharField(_("postcode"), max_length=4, blank=True)
    post_town = models.CharField(_("post town"), max_length=100, blank=True)
    municipality_number = models.CharField(_("municipality number"), max_length=4, blank=True)
    location = models.PointField(_("location"), srid=4326, null=True, blank=True)
    location_approximate = models.BooleanField(_("location is approximate"), default=False)
    location_basis = models.CharField(_("location from"), max_length=16, choices=LocationBasis.choices,
                                      default=LocationBasis.NONE)
    centre = models.ForeignKey(Centre, on_delete=models.SET_NULL, null=True, blank=True,
                               related_name="organisations", verbose_name=_("nearest centre"))
    website = models.CharField(_("website"), max_length=300, blank=True)
    email = models.EmailField(_("e-mail"), max_length=254, blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    active = models.BooleanField(_("active"), default=True)
    source = models.CharField(_("source"), max_length=8, choices=Source.choices, default=Source.HAND)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = OrganisationQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        constraints = [
            # The database's own guard for what the validator checks in Python (the check digit
            # is left to the validator: every way in goes through it).
            models.CheckConstraint(
                condition=models.Q(number__regex=r"^[0-9]{9}$"), name="organisation_number_nine_digits",
                violation_error_message=orgnr.MESSAGE,
            ),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("volunteering:organisation", args=[self.number])

    @property
    def website_url(self):
        """Enhetsregisteret keeps web addresses without a scheme ("www.brreg.no")."""
        address = self.website.strip()
        if address.lower().startswith(("http://", "https://")):
            return address
        # Any other scheme ("javascript:") is never made a link.
        if not address or ":" in address.split("/")[0]:
            return ""
        return f"https://{address}"


# Representatives and volunteer opportunities (opportunities.py keeps the models of the second
# increment, so this file stays about the register itself).
from .opportunities import (  # noqa: E402
    Interest, Opportunity, RepresentationRequest, Representative,
)

__all__ = ["Category", "Interest", "Opportunity", "Organisation", "RepresentationRequest", "Representative"]
