from django.urls import path

from . import views

app_name = "places"
urlpatterns = [
    path("", views.home, name="home"),
    path("steder/", views.centre_tree, name="centres"),
    path("steder/<slug:slug>/", views.centre_detail, name="centre"),
    path("prosjekter/", views.project_list, name="projects"),
    path("prosjekter/<slug:slug>/", views.project_detail, name="project"),
    path("planer/", views.plan_list, name="plans"),
    path("planer/<str:plan_id>/", views.plan_detail, name="plan"),
    path("planer/<str:plan_id>/dokumenter/<int:pk>/", views.plan_document, name="plan_document"),
    path("kart/<str:layer>.geojson", views.map_layer, name="map_layer"),
]
