from django.urls import path

from . import views

app_name = "about"
urlpatterns = [
    path("tilgjengelighet/", views.accessibility, name="accessibility"),
    path("personvern/", views.privacy_statement, name="privacy"),
    path("kontakt/", views.contact, name="contact"),
]
