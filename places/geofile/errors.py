"""What the planner is told when an uploaded map file cannot be used.

Every message is a whole English sentence (msgid) so that translators never have to glue
fragments together; `code` is stable for code and tests, `detail` is untranslated English
for logs and is never shown to the planner.
"""

from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _


class GeoFileError(ValueError):
    def __init__(self, code, message, detail=""):
        super().__init__(message)
        self.code = code
        self.message = message
        self.detail = detail

    def __str__(self):
        return str(self.message)

    def __repr__(self):
        return f"GeoFileError({self.code!r}, {str(self.message)!r}, detail={self.detail!r})"


def wrong_type(what=None, detail=""):
    messages = {
        "pdf": _("The file is a PDF, not a map file. Upload GeoJSON, a zipped Shapefile, GML or GeoPackage."),
        "image": _("The file is an image, not a map file. Upload GeoJSON, a zipped Shapefile, GML or GeoPackage."),
    }
    message = messages.get(what) or _(
        "The file is not a map file the portal can read. Upload GeoJSON, a zipped Shapefile, GML or GeoPackage."
    )
    return GeoFileError("type", message, detail)


def empty_file():
    return GeoFileError("empty", _("The file is empty."))


def no_shapes(detail=""):
    return GeoFileError("empty", _("The file contains no shapes."), detail)


def unreadable(format_name, detail=""):
    # format_name is a format's proper name (GeoJSON, Shapefile, GML, GeoPackage): not translated.
    return GeoFileError(
        "unreadable",
        _("The %(format)s file could not be read; it may be damaged or incomplete. Export it again and upload the new file.")
        % {"format": format_name},
        detail,
    )


def crs_not_accepted(epsg):
    return GeoFileError(
        "crs",
        _("The file uses coordinate system EPSG:%(code)s; use EPSG:4326, 25832 or 25833.") % {"code": epsg},
        f"EPSG:{epsg}",
    )


def crs_unknown(name):
    return GeoFileError(
        "crs",
        _("The file uses a coordinate system without a known EPSG code (%(name)s); use EPSG:4326, 25832 or 25833.")
        % {"name": name},
        name,
    )


def crs_missing(shapefile=False):
    if shapefile:
        message = _(
            "The Shapefile has no .prj file, so its coordinate system is unknown. "
            "Add the .prj file to the zip; use EPSG:4326, 25832 or 25833."
        )
    else:
        message = _("The file does not say which coordinate system it uses; use EPSG:4326, 25832 or 25833.")
    return GeoFileError("crs", message, "no SRS")


def coordinates_unknown(detail=""):
    return GeoFileError(
        "crs",
        _("The file does not say which coordinate system it uses, and its coordinates are neither longitude and "
          "latitude nor UTM metres. Export it again in EPSG:4326, 25832 or 25833."),
        detail,
    )


def no_areas(detail=""):
    return GeoFileError(
        "geometry_type",
        _("The file contains no areas (polygons), only points or lines. Upload the area as a polygon."),
        detail,
    )


def not_repairable(label, reason):
    # GEOS's reason is English and technical: it goes to the log, not to the planner.
    return GeoFileError(
        "invalid",
        _("The shape “%(label)s” is not a valid area and cannot be repaired. "
          "Correct it in your map program and upload it again.") % {"label": label},
        reason,
    )


def outside(municipality, label=None):
    if label is None:
        message = _("The shape lies outside %(municipality)s.") % {"municipality": municipality.name}
    else:
        message = _("The shape “%(label)s” lies outside %(municipality)s.") % {
            "label": label, "municipality": municipality.name,
        }
    return GeoFileError("outside", message)


def too_large(limit, detail=""):
    return GeoFileError(
        "too_large",
        _("The file is larger than %(limit)s. Upload a smaller file, or only the shapes you need.")
        % {"limit": filesizeformat(limit)},
        detail,
    )


def too_many(limit):
    return GeoFileError(
        "too_many",
        _("The file contains more than %(limit)d shapes. Upload only the shapes you need.") % {"limit": limit},
    )


def zip_unsafe(detail):
    return GeoFileError(
        "zip_unsafe",
        _("The zip file contains paths or sizes that are not allowed, so it was not opened."),
        detail,
    )


def zip_content(detail):
    return GeoFileError(
        "zip_content",
        _("The zip file must contain exactly one Shapefile (.shp) together with its .shx and .dbf files."),
        detail,
    )


def external(reference, detail=""):
    # `reference` comes from the planner's own file (shortened); templates escape it.
    return GeoFileError(
        "external",
        _("The file refers to something outside itself (%(reference)s). The portal never fetches "
          "or opens what a file refers to: export the file again without the reference.")
        % {"reference": reference},
        detail,
    )


def doctype():
    return GeoFileError(
        "external",
        _("The GML file has a document type declaration (DOCTYPE), which could make the portal "
          "fetch other files. Export the file again without it."),
        "DOCTYPE",
    )
