from django.contrib.gis.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from places import bounds
from places.models import Centre


class InnbyggertorgQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Every innbyggertorg is public; the one place that says so."""
        return self.all()


class Innbyggertorg(models.Model):
    """An innbyggertorg: a citizen service point in a local centre (library, innbyggerservice,
    meeting rooms, often a café and a stage), where the municipality meets its residents."""

    name = models.CharField(_("name"), max_length=100)
    slug = models.SlugField(unique=True, validators=[bounds.slug_not_reserved])
    centre = models.ForeignKey(Centre, on_delete=models.PROTECT, related_name="innbyggertorg",
                               verbose_name=_("centre"))
    address = models.CharField(_("address"), max_length=200, blank=True)
    location = models.PointField(_("location"), srid=4326)
    # Where no street address is known the point is the centre's, and the page says so.
    location_approximate = models.BooleanField(_("location is approximate"), default=False)
    status = models.TextField(_("status"), blank=True)
    source = models.TextField(_("source"), blank=True)

    objects = InnbyggertorgQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("innbyggertorg")
        verbose_name_plural = _("innbyggertorg")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("community:innbyggertorg", args=[self.slug])
