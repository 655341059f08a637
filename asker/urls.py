from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path
from django.views.i18n import set_language

from about import views as about_views

from . import health

urlpatterns = [
    path("healthz", health.healthz, name="healthz"),
    path("healthz/detail", health.detail, name="healthz-detail"),
    path("i18n/setlang/", set_language, name="set_language"),
    path("favicon.ico", about_views.favicon, name="favicon"),
]
urlpatterns += i18n_patterns(
    path("admin/", admin.site.urls),
    path("planlegger/", include("workspace.urls")),
    path("medvirkning/", include("participation.urls")),
    path("moderering/", include("participation.moderation_urls")),
    path("konto/mine-data/", include("participation.mydata_urls")),
    path("konto/", include("accounts.urls")),
    path("", include("community.urls")),
    path("arrangementer/", include("events.urls")),
    path("stedskompasset/", include("stedskompasset.urls")),
    path("frivillighet/", include("volunteering.urls")),
    path("", include("about.urls")),
    path("", include("places.urls")),
    prefix_default_language=False,
)


if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
