"""The organisations on a map: GeoJSON features for the list page's markers (json_script, drawn
by static/js/map.js) and for the bbox-bounded map data (/frivillighet/kart.geojson)."""

import json

from django.urls import reverse

MAP_LIMIT = 500
FIELDS = ("number", "name", "location", "location_approximate")


def features(organisations):
    """A FeatureCollection of those organisations that have a location (already loaded rows)."""
    return {"type": "FeatureCollection", "features": [
        {"type": "Feature", "id": organisation.number,
         "geometry": json.loads(organisation.location.json),
         "properties": {"name": organisation.name, "approximate": organisation.location_approximate,
                        "url": reverse("volunteering:organisation", args=[organisation.number])}}
        for organisation in organisations if organisation.location is not None]}
