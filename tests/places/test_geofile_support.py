"""Builders the test_geofile_* modules share (no tests here).

Files are made the way planners' tools make them: GeoJSON text is written by hand, every
other format by GDAL's own ogr2ogr from that GeoJSON, so the reader is tested against real
writers and not against itself.
"""

import io
import json
import socketserver
import subprocess
import threading
import zipfile

from django.core.files.uploadedfile import SimpleUploadedFile

from tests.factories import MunicipalityFactory

# A five-sided area by Asker sentrum (lon, lat); not a box, so ring order and axis order show.
SENTRUM_RING = [(10.430, 59.825), (10.445, 59.825), (10.450, 59.835), (10.435, 59.840), (10.430, 59.825)]
SENTRUM_EXTENT = (10.430, 59.825, 10.450, 59.840)

OGR_DRIVERS = {"geojson": "GeoJSON", "shapefile": "ESRI Shapefile", "gml": "GML", "gpkg": "GPKG"}
SUFFIXES = {"geojson": ".geojson", "shapefile": ".shp", "gml": ".gml", "gpkg": ".gpkg"}


def municipality():
    """Asker with the factory's box boundary (10.25–10.70 E, 59.50–59.90 N), not saved: the
    reader needs only the boundary and the name."""
    return MunicipalityFactory.build()


def square(lon, lat, size=0.002):
    return [(lon, lat), (lon + size, lat), (lon + size, lat + size), (lon, lat + size), (lon, lat)]


def polygon(ring, holes=(), **properties):
    return {"type": "Feature", "properties": properties,
            "geometry": {"type": "Polygon", "coordinates": [list(map(list, ring)), *map(list, holes)]}}


def geometry_feature(geometry, **properties):
    return {"type": "Feature", "properties": properties, "geometry": geometry}


def collection(*features, crs=None):
    data = {"type": "FeatureCollection", "features": list(features)}
    if crs:
        data["crs"] = {"type": "name", "properties": {"name": crs}}
    return json.dumps(data).encode()


def sentrum_geojson(**properties):
    return collection(polygon(SENTRUM_RING, navn="Asker sentrum", plannr=42, **properties))


def ogr2ogr(source, target, fmt, srid=4326, options=()):
    """Convert the 4326 GeoJSON file `source` to `fmt` in EPSG:`srid` (or a PROJ string)."""
    srs = srid if isinstance(srid, str) else f"EPSG:{srid}"
    subprocess.run(
        ["ogr2ogr", "-f", OGR_DRIVERS[fmt], str(target), str(source),
         "-s_srs", "EPSG:4326", "-t_srs", srs, *options],
        check=True, capture_output=True, timeout=60,
    )


def zip_bytes(members):
    """A zip of {name: bytes}; names are written exactly as given (ZipInfo keeps '..' and '/')."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            info = name if isinstance(name, zipfile.ZipInfo) else zipfile.ZipInfo(name)
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, data)
    return buffer.getvalue()


def shapefile_members(shp_path, folder=""):
    """{zip member name: bytes} for the Shapefile at `shp_path` and its side files."""
    members = {}
    for part in sorted(shp_path.parent.glob(shp_path.stem + ".*")):
        members[f"{folder}{part.name}"] = part.read_bytes()
    return members


def build(fmt, geojson, directory, srid=4326, name="plan", options=()):
    """The bytes a planner would upload: `geojson` (4326) converted to `fmt` in `srid`;
    a Shapefile comes zipped."""
    directory.mkdir(parents=True, exist_ok=True)
    source = directory / f"{name}-source.geojson"
    source.write_bytes(geojson)
    target = directory / f"{name}{SUFFIXES[fmt]}"
    ogr2ogr(source, target, fmt, srid, options)
    if fmt == "shapefile":
        return zip_bytes(shapefile_members(target))
    return target.read_bytes()


def upload(data, name="upload.bin"):
    return SimpleUploadedFile(name, data, content_type="application/octet-stream")


class Listener:
    """A real server on the loopback that counts every connection made to it.

    It answers like a web server with a coordinate system named LISTENER-ANSWER, so a test can
    see both whether anything was fetched and whether the answer came back to the planner.

        with Listener() as listener:
            ... listener.url ...
        assert listener.connections == []
    """

    ANSWER = (b'GEOGCS["LISTENER-ANSWER",DATUM["Listener",SPHEROID["Listener",6378137,298.257223563]],'
              b'PRIMEM["Greenwich",0],UNIT["degree",0.0174532925199433]]')

    def __init__(self):
        self.connections = []
        connections = self.connections

        class Handler(socketserver.BaseRequestHandler):
            def handle(self):
                self.request.settimeout(5)
                try:
                    connections.append(self.request.recv(4096))
                except OSError:
                    connections.append(b"")
                self.request.sendall(b"HTTP/1.0 200 OK\r\nContent-Type: text/plain\r\n\r\n" + Listener.ANSWER)

        self.server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc_info):
        self.server.shutdown()
        self.server.server_close()
