from django.urls import path

from . import views

app_name = "community"
urlpatterns = [
    path("innbyggertorg/", views.innbyggertorg_list, name="list"),
    path("innbyggertorg/<slug:slug>/", views.innbyggertorg_detail, name="innbyggertorg"),
    path("lokalsamfunnsutvalg/", views.committee_list, name="committees"),
    path("lokalsamfunnsutvalg/<slug:slug>/", views.committee_detail, name="committee"),
    path("lokalsamfunnsutvalg/<slug:slug>/referat/<int:pk>/", views.minutes, name="minutes"),
]
