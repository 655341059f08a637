"""Refusing, before GDAL opens it, a file that names something outside itself for a reader to
fetch or open.

What GDAL would follow, and what is refused here:
- GeoJSON: a `crs` member of type link or url (GDAL fetches its href, from the collection, a
  feature or any geometry) and a crs name that is not an authority code. Django's own check
  for GeoJSON geometries decides which crs members are safe; it is applied to every crs
  member in the file. Other members ("$ref", URLs among the attributes) are never followed.
- GML: a DOCTYPE (its external DTD and entities are fetched by the Xerces parser, and
  entities can blow up in memory), an xlink:href to anything but an element of the same file
  (GDAL resolves those when asked to), and an srsName that is a URL other than OGC's names of
  coordinate systems. xsi:schemaLocation is left alone: nearly every GML file names its
  schema on the web, and GDAL is told never to download it (DOWNLOAD_SCHEMA=NO in storage.py,
  offline.py).
- GeoPackage: a virtual table other than the R-tree of a spatial index (VirtualOGR, say,
  opens any data source by name).
- Shapefile: nothing; GDAL reads the .prj as a coordinate system and follows nothing in it.
offline.py keeps the network closed as a second line.
"""

import json
import re
import sqlite3
from contextlib import closing
from xml.parsers import expat

from django.contrib.gis.gdal.geojson import ExternalCRSBlocker
from django.core.exceptions import SuspiciousOperation

from . import errors

# Any member that spells "crs" (GDAL compares names without case) contains these bytes, or a
# \u escape; files without either need no parsing here.
_MAY_NAME_CRS = re.compile(rb"crs|\\u", re.IGNORECASE)
# srsName values GDAL understands without fetching anything.
_OGC_CRS_URL = re.compile(r"https?://www\.opengis\.net/(def/crs|def/crs-compound|gml/srs/)", re.IGNORECASE)
_VIRTUAL_TABLE = re.compile(r"\s*CREATE\s+VIRTUAL\s+TABLE\s.*?\bUSING\s+([A-Za-z0-9_]+)", re.IGNORECASE | re.DOTALL)
_SPATIAL_INDEX_MODULES = frozenset({"rtree"})
SHOWN_LENGTH = 80


def _shown(reference):
    reference = " ".join(str(reference).split())
    return reference if len(reference) <= SHOWN_LENGTH else reference[: SHOWN_LENGTH - 1] + "…"


# --- GeoJSON ------------------------------------------------------------------------------------

class _Members(dict):
    """A JSON object that keeps every member, a repeated name too: which copy a parser keeps
    is its own business, so each one is checked."""

    def __init__(self, pairs):
        super().__init__(pairs)
        self.pairs = pairs

    def items(self):
        return iter(self.pairs)


def _crs_members(document):
    stack = [document]
    while stack:
        node = stack.pop()
        if isinstance(node, list):
            stack.extend(item for item in node if isinstance(item, (list, dict)))
            continue
        for key, member in node.pairs:
            name = key.split("\0", 1)[0].lower()  # GDAL reads names as C strings
            if name == "crs":
                yield member
            # A feature's attributes are data, and coordinates are numbers: GDAL reads no
            # reference from either.
            elif name not in ("properties", "coordinates") and isinstance(member, (list, dict)):
                stack.append(member)


def _described(crs):
    properties = [value for key, value in crs.items() if str(key).lower() == "properties"]
    for value in properties:
        if isinstance(value, dict):
            for item in value.values():
                if isinstance(item, str) and item.strip():
                    return _shown(item)
    return "crs"


def check_geojson(path):
    data = path.read_bytes()
    if not _MAY_NAME_CRS.search(data):
        return
    try:
        document = json.loads(data.decode("utf-8-sig", errors="replace"), object_pairs_hook=_Members,
                              parse_float=lambda _: None, parse_int=lambda _: None)
    except (ValueError, RecursionError) as exc:
        # What Python cannot parse, another parser may read otherwise: not worth the doubt.
        raise errors.unreadable("GeoJSON", f"json: {exc}") from None
    for crs in _crs_members(document):
        if crs is None:
            continue
        if not isinstance(crs, dict):
            raise errors.external("crs", f"crs is {type(crs).__name__}")
        try:
            ExternalCRSBlocker.check_member(crs)
        except (SuspiciousOperation, ValueError) as exc:
            raise errors.external(_described(crs), f"GeoJSON crs: {exc}") from None


def geojson_declares_crs(path):
    """Whether a GeoJSON file (already through check_geojson) names a coordinate system at all:
    without one, GDAL reads it as lon/lat (RFC 7946), right or wrong."""
    data = path.read_bytes()
    if not _MAY_NAME_CRS.search(data):
        return False
    try:
        document = json.loads(data.decode("utf-8-sig", errors="replace"), object_pairs_hook=_Members,
                              parse_float=lambda _: None, parse_int=lambda _: None)
    except (ValueError, RecursionError):
        return True  # check_geojson has refused it already; never guess for such a file
    return any(crs is not None for crs in _crs_members(document))


# --- GML ----------------------------------------------------------------------------------------

def _refuse_doctype(*args):
    raise errors.doctype()


def _check_attributes(element, attributes):
    for key, value in attributes.items():
        name = key.rsplit(" ", 1)[-1]  # "namespace-uri local-name"
        if name == "href" and not value.startswith("#"):
            raise errors.external(_shown(value), f"GML {name} {value!r}")
        if name == "srsName" and "://" in value and not _OGC_CRS_URL.match(value):
            raise errors.external(_shown(value), f"GML srsName {value!r}")


def check_gml(path):
    parser = expat.ParserCreate(namespace_separator=" ")
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    # The DOCTYPE is refused where it begins, before any entity in it is declared or expanded.
    parser.StartDoctypeDeclHandler = _refuse_doctype
    parser.EntityDeclHandler = _refuse_doctype
    parser.ExternalEntityRefHandler = _refuse_doctype
    parser.StartElementHandler = _check_attributes
    try:
        with open(path, "rb") as f:
            parser.ParseFile(f)
    except expat.ExpatError as exc:
        raise errors.unreadable("GML", f"xml: {exc}") from None


# --- GeoPackage ---------------------------------------------------------------------------------

def check_geopackage(path):
    try:
        # immutable: SQLite neither locks nor writes a journal beside a file that is not ours.
        with closing(sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro&immutable=1", uri=True)) as db:
            schema = db.execute("SELECT name, sql FROM sqlite_master WHERE sql IS NOT NULL").fetchall()
    except sqlite3.DatabaseError:
        return  # not a database SQLite can read: GDAL says what is wrong with it
    for name, sql in schema:
        virtual = _VIRTUAL_TABLE.match(sql)
        if virtual and virtual.group(1).lower() not in _SPATIAL_INDEX_MODULES:
            raise errors.external(_shown(virtual.group(1)), f"virtual table {name!r}: {sql[:200]!r}")
