"""Getting an upload onto disk safely and deciding, by content, what kind of file it is.

Nothing here trusts the uploaded file's name: the format comes from the first bytes, and
every path on disk is one we chose inside a private temporary directory.
"""

import re
import stat
import zipfile
import zlib
from dataclasses import dataclass

from django.conf import settings

from . import errors

DEFAULT_MAX_BYTES = 20 * 1024 * 1024
CHUNK = 64 * 1024
# Enough to see a GML root element with its namespace declarations, or a GeoJSON "type".
HEAD = 64 * 1024

# A Shapefile zip has a handful of members; hundreds point at something else (or an attack).
ZIP_MAX_MEMBERS = 100
# Shapefiles (above all .dbf files padded with blanks) compress well, so what a zip unpacks to
# may be several times the upload; this bounds the disk and the time a zip can cost.
ZIP_MAX_EXPANSION = 5
# Deflate peaks near 1000:1 on runs of one byte; real .dbf files stay well below 200:1. Small
# members are left out because a tiny .prj or .cpg can have any ratio without doing harm.
ZIP_MAX_RATIO = 200
ZIP_RATIO_FLOOR = 1024 * 1024

# Members a Shapefile is made of; .shx and .dbf are needed to read the attributes and shapes.
SHAPEFILE_PARTS = (".shp", ".shx", ".dbf", ".prj", ".cpg")
SHAPEFILE_REQUIRED = (".shp", ".shx", ".dbf")

GEOPACKAGE_APPLICATION_IDS = (b"GPKG", b"GP10", b"GP11")
IMAGE_SIGNATURES = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff", b"GIF87a", b"GIF89a", b"II*\x00", b"MM\x00*")
# Both GML 2/3.1 (http://www.opengis.net/gml) and 3.2 (…/gml/3.2) start with this.
GML_NAMESPACE = b"http://www.opengis.net/gml"


@dataclass(frozen=True)
class Format:
    name: str  # a proper name shown in messages
    driver: str  # the only GDAL driver allowed to open the file
    suffix: str  # GDAL's drivers look at the suffix of the path we hand them
    open_options: tuple = ()
    # A SQLite file without the GeoPackage application id may still be a GeoPackage (older
    # writers leave it out); if GDAL refuses it, it was some other database, not a broken map.
    refused_means_wrong_type: bool = False


GEOJSON = Format("GeoJSON", "GeoJSON", ".geojson")
SHAPEFILE = Format("Shapefile", "ESRI Shapefile", ".shp")
# No schema download and no .gfs file written: reading must not touch the network or write
# next to the upload; a full scan finds the coordinate system even when only later features
# carry srsName.
GML = Format("GML", "GML", ".gml", ("DOWNLOAD_SCHEMA=NO", "WRITE_GFS=NO", "FORCE_SRS_DETECTION=YES"))
GEOPACKAGE = Format("GeoPackage", "GPKG", ".gpkg", ("LIST_ALL_TABLES=NO",))
SQLITE_PERHAPS_GEOPACKAGE = Format("GeoPackage", "GPKG", ".gpkg", ("LIST_ALL_TABLES=NO",), True)
ZIP = Format("Shapefile", "ESRI Shapefile", ".zip")


def max_bytes():
    return getattr(settings, "GEOMETRY_UPLOAD_MAX_BYTES", DEFAULT_MAX_BYTES)


def _chunks(uploaded_file):
    if hasattr(uploaded_file, "chunks"):
        yield from uploaded_file.chunks(CHUNK)
        return
    if hasattr(uploaded_file, "seek"):
        uploaded_file.seek(0)
    while chunk := uploaded_file.read(CHUNK):
        yield chunk


def save_upload(uploaded_file, target, limit):
    """Copy the upload to `target`, refusing it as soon as it proves larger than `limit`."""
    size = getattr(uploaded_file, "size", None)
    if size is not None and size > limit:
        raise errors.too_large(limit, f"declared size {size}")
    written = 0
    with open(target, "xb") as out:
        # The declared size may be missing or wrong (a stream, a client that lies): count too.
        for chunk in _chunks(uploaded_file):
            written += len(chunk)
            if written > limit:
                raise errors.too_large(limit, f"more than {limit} bytes read")
            out.write(chunk)
    if written == 0:
        raise errors.empty_file()
    return written


def sniff(path):
    """The Format of the file at `path`, judged by its content alone."""
    with open(path, "rb") as f:
        head = f.read(HEAD)
    if head.startswith(b"%PDF-"):
        raise errors.wrong_type("pdf", "PDF signature")
    if head.startswith(IMAGE_SIGNATURES) or (head[:4] == b"RIFF" and head[8:12] == b"WEBP"):
        raise errors.wrong_type("image", "image signature")
    # An empty archive (end-of-central-directory record only) is still a zip: say what it lacks.
    if head.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        return ZIP
    if head.startswith(b"SQLite format 3\x00"):
        return GEOPACKAGE if head[68:72] in GEOPACKAGE_APPLICATION_IDS else SQLITE_PERHAPS_GEOPACKAGE
    text = head.removeprefix(b"\xef\xbb\xbf").lstrip()
    if text.startswith(b"{") and b'"type"' in text:
        return GEOJSON
    if text.startswith(b"<") and GML_NAMESPACE in text:
        return GML
    raise errors.wrong_type(detail=f"unknown content {head[:16]!r}")


def _unsafe_name(name):
    if "\x00" in name:
        return True
    name = name.replace("\\", "/")
    if name.startswith("/") or re.match(r"[A-Za-z]:", name):
        return True
    return ".." in name.split("/")


def _is_mac_metadata(name):
    # macOS's zip adds __MACOSX/…/._plan.shp resource forks; they are not a second Shapefile.
    return name.startswith("__MACOSX/") or name.rsplit("/", 1)[-1].startswith("._")


def _check_members(infos, limit):
    if len(infos) > ZIP_MAX_MEMBERS:
        raise errors.zip_unsafe(f"{len(infos)} members")
    seen = set()
    total = 0
    for info in infos:
        name = info.filename
        if _unsafe_name(name):
            raise errors.zip_unsafe(f"unsafe path {name!r}")
        if stat.S_ISLNK(info.external_attr >> 16):
            raise errors.zip_unsafe(f"symbolic link {name!r}")
        # Two entries of one name: which one a reader takes differs between tools.
        if name.casefold() in seen:
            raise errors.zip_unsafe(f"duplicate member {name!r}")
        seen.add(name.casefold())
        if info.file_size > ZIP_RATIO_FLOOR and info.file_size > ZIP_MAX_RATIO * max(info.compress_size, 1):
            raise errors.zip_unsafe(f"{name!r} expands {info.file_size} / {info.compress_size}")
        total += info.file_size
    if total > ZIP_MAX_EXPANSION * limit:
        raise errors.zip_unsafe(f"unpacks to {total} bytes")
    return total


def _shapefile_members(infos):
    usable = [i for i in infos if not i.is_dir() and not _is_mac_metadata(i.filename)]
    shps = [i for i in usable if i.filename.casefold().endswith(".shp")]
    if len(shps) != 1:
        raise errors.zip_content(f"{len(shps)} .shp files")
    stem = shps[0].filename[: -len(".shp")].casefold()
    by_name = {i.filename.casefold(): i for i in usable}
    members = {}
    for suffix in SHAPEFILE_PARTS:
        info = by_name.get(stem + suffix)
        if info is not None:
            members[suffix] = info
        elif suffix in SHAPEFILE_REQUIRED:
            raise errors.zip_content(f"no {suffix} beside {shps[0].filename!r}")
    return members


def _extract(archive, info, target, budget):
    written = 0
    with archive.open(info) as source, open(target, "xb") as out:
        while chunk := source.read(CHUNK):
            written += len(chunk)
            # zipfile stops at the declared size, but the budget must not rest on that alone.
            if written > info.file_size or written > budget:
                raise errors.zip_unsafe(f"{info.filename!r} unpacks beyond its declared size")
            out.write(chunk)
    return written


def unpack_shapefile(zip_path, directory, limit):
    """Check every member of the zip, then write its one Shapefile into `directory` under names
    of our own choosing. Returns the path of the .shp and the name the zip gave it (without
    folder or suffix), which is only ever shown, never used as a path."""
    try:
        with zipfile.ZipFile(zip_path) as archive:
            infos = archive.infolist()
            budget = _check_members(infos, limit)
            members = _shapefile_members(infos)
            directory.mkdir(mode=0o700)
            for suffix, info in members.items():
                if info.flag_bits & 0x1:
                    raise errors.unreadable(SHAPEFILE.name, f"{info.filename!r} is encrypted")
                budget -= _extract(archive, info, directory / f"upload{suffix}", budget)
    except errors.GeoFileError:
        raise
    # What a corrupt archive raises; OSError is left alone because here it means our own disk.
    except (zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, EOFError, NotImplementedError,
            ValueError) as exc:
        raise errors.unreadable(SHAPEFILE.name, f"zip: {exc}") from None
    original = members[".shp"].filename.rsplit("/", 1)[-1][: -len(".shp")]
    return directory / "upload.shp", original
