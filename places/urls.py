from django.urls import path, register_converter

from . import bounds, views


class PlanIdConverter:
    """Exactly the plan IDs the model accepts, so an odd path is a 404 and every stored plan ID
    can be reversed into a link."""

    regex = bounds.PLAN_ID_PATTERN

    def to_python(self, value):
        return value

    def to_url(self, value):
        return value


register_converter(PlanIdConverter, "planid")

app_name = "places"
urlpatterns = [
    path("", views.home, name="home"),
    path("steder/", views.centre_tree, name="centres"),
    path("steder/<slug:slug>/", views.centre_detail, name="centre"),
    path("prosjekter/", views.project_list, name="projects"),
    path("prosjekter/<slug:slug>/", views.project_detail, name="project"),
    path("planer/", views.plan_list, name="plans"),
    path("planer/<planid:plan_id>/", views.plan_detail, name="plan"),
    path("planer/<planid:plan_id>/dokumenter/<int:pk>/", views.plan_document, name="plan_document"),
    path("kart/<str:layer>.geojson", views.map_layer, name="map_layer"),
]

# The map drawn on the server (places/staticmap.py), for map boxes without JavaScript.
urlpatterns += [
    path("kart/bilde.svg", views.map_image, name="map_image"),
]
