"""A built-in gazetteer: Asker's centres and districts by name, so a place can be given by
typing instead of clicking a map. Works offline; an external geocoder can come later."""

from django.contrib.gis.db.models.functions import PointOnSurface
from django.utils.translation import gettext_lazy as _

from places.models import Centre, StatisticalDistrict

PLACE_HELP = _("Type a place name in Asker, for example Heggedal or Slemmestad, or click the map.")


def find(name, municipality):
    """(point, name) of the place best matching `name`, or None."""
    name = (name or "").strip()
    if not name:
        return None
    for lookup in ("iexact", "istartswith", "icontains"):
        centre = Centre.objects.filter(municipality=municipality, **{f"name__{lookup}": name}).only(
            "name", "location").order_by("name").first()
        if centre:
            return centre.location, centre.name
        district = (StatisticalDistrict.objects.filter(municipality=municipality, **{f"name__{lookup}": name})
                    .annotate(point=PointOnSurface("geometry")).only("name").order_by("name").first())
        if district:
            return district.point, district.name
    return None
