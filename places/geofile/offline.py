"""GDAL and PROJ stay off the network, whatever a file or the environment asks for.

A map file can name things a reader would fetch: a GeoJSON `crs` of type link, an xlink:href,
a schema, a DOCTYPE's external entities. references.py refuses such files before GDAL opens
them; this is the second line, so that nothing GDAL or PROJ does on the web server's behalf
reaches the network even if a reference slips through (or another caller hands GDAL input).

    offline.install()   # idempotent; places.geofile calls it on import, before any reading

Configuration options set here override the process environment (GDAL asks its own table
before getenv), so `GML_PARSER=XERCES` or `GML_SKIP_RESOLVE_ELEMS=NONE` in the environment
cannot turn fetching back on.
"""

import logging
import os
from ctypes import CFUNCTYPE, Structure, addressof, c_char_p, c_int, c_size_t, c_void_p

from django.contrib.gis.gdal.libgdal import lgdal

logger = logging.getLogger(__name__)

CONFIG = {
    # Xerces (GDAL's other GML parser) fetches a DOCTYPE's external DTD and entities; Expat
    # does not.
    "GML_PARSER": "EXPAT",
    # Never follow xlink:href, never download an application schema.
    "GML_SKIP_RESOLVE_ELEMS": "ALL",
    "GML_DOWNLOAD_WFS_SCHEMA": "NO",
    # /vsicurl/ and the cloud file systems built on it (/vsis3/, /vsiaz/ …) open only this one
    # name, which no real path equals.
    "CPL_VSIL_CURL_ALLOWED_FILENAME": "/vsicurl/asker-network-access-is-off",
    # GDAL's SQL functions and VirtualOGR (which opens any data source by name) may not be
    # called from a view or trigger of a GeoPackage.
    "ALLOW_OGR_SQL_FUNCTIONS_FROM_TRIGGER_AND_VIEW": "NO",
    "ALLOW_VIRTUAL_OGR_FROM_TRIGGER_AND_VIEW": "NO",
    # PROJ may download transformation grids from its CDN (proj.ini or this variable).
    "PROJ_NETWORK": "OFF",
}

_set_config_option = lgdal["CPLSetConfigOption"]
_set_config_option.argtypes, _set_config_option.restype = [c_char_p, c_char_p], None
_get_config_option = lgdal["CPLGetConfigOption"]
_get_config_option.argtypes, _get_config_option.restype = [c_char_p, c_char_p], c_char_p
_set_proj_network = lgdal["OSRSetPROJEnableNetwork"]
_set_proj_network.argtypes, _set_proj_network.restype = [c_int], None
_get_proj_network = lgdal["OSRGetPROJEnableNetwork"]
_get_proj_network.argtypes, _get_proj_network.restype = [], c_int

# CPLHTTPFetch() is how GDAL fetches a URL (a CRS link, an xlink, a schema). A fetch callback
# replaces it for the whole process. A callback that answers NULL passes the request on to
# libcurl, so the answer is a failed result, allocated by GDAL so that the caller's
# CPLHTTPDestroyResult() can free it.
class _HTTPResult(Structure):
    # The leading members of CPLHTTPResult (cpl_http.h); later ones stay zero.
    _fields_ = [("nStatus", c_int), ("pszContentType", c_void_p), ("pszErrBuf", c_void_p)]


_RESULT_ALLOCATION = 256  # more than sizeof(CPLHTTPResult) in any GDAL release
_calloc = lgdal["CPLCalloc"]
_calloc.argtypes, _calloc.restype = [c_size_t, c_size_t], c_void_p
_strdup = lgdal["CPLStrdup"]
_strdup.argtypes, _strdup.restype = [c_char_p], c_void_p
_FETCH_CALLBACK_TYPE = CFUNCTYPE(c_void_p, c_char_p, c_void_p, c_void_p, c_void_p, c_void_p,
                                 c_void_p, c_void_p)
_set_fetch_callback = lgdal["CPLHTTPSetFetchCallback"]
_set_fetch_callback.argtypes, _set_fetch_callback.restype = [_FETCH_CALLBACK_TYPE, c_void_p], None
REFUSAL = "network access is off in this process"
refused_urls = []  # the last few URLs GDAL asked for, for the log and for tests


@_FETCH_CALLBACK_TYPE
def _refuse_fetch(url, options, progress, progress_arg, write, write_arg, user_data):
    # The failed result first: should anything after it raise, ctypes would answer NULL,
    # and NULL means "fetch it after all".
    result = _HTTPResult.from_address(_calloc(1, _RESULT_ALLOCATION))
    result.nStatus = 1
    result.pszErrBuf = _strdup(REFUSAL.encode())
    try:
        del refused_urls[:-9]
        refused_urls.append((url or b"").decode(errors="replace"))
        logger.warning("GDAL asked for %s; refused", refused_urls[-1])
    except Exception:  # noqa: BLE001  (the refusal stands whatever the log does)
        pass
    return addressof(result)


_installed = False


def install():
    global _installed
    if _installed:
        return
    for name, value in CONFIG.items():
        _set_config_option(name.encode(), value.encode())
    # PROJ contexts GDAL has yet to make read the variable; those it has, the setting.
    os.environ["PROJ_NETWORK"] = "OFF"
    _set_proj_network(0)
    # The callback object lives as long as the module, so GDAL never calls freed memory.
    _set_fetch_callback(_refuse_fetch, None)
    _installed = True


def config_option(name):
    """GDAL's current value of a configuration option (for checks and tests)."""
    value = _get_config_option(name.encode(), None)
    return value.decode() if value is not None else None


def proj_network_enabled():
    return bool(_get_proj_network())
