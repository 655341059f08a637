from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language, get_language_info


def site(request):
    path = request.get_full_path()
    current = get_language()
    return {
        "BASEMAP_URL": settings.BASEMAP_URL,
        "BASEMAP_ATTRIBUTION": settings.BASEMAP_ATTRIBUTION,
        # The same page in the other languages, as plain links (work without JavaScript).
        "language_links": [
            {"code": code, "name": get_language_info(code)["name_local"], "url": translate_url(path, code), "current": code == current}
            for code, _name in settings.LANGUAGES
        ],
    }
