from django.urls import path

from . import manage_views, views

app_name = "events"
urlpatterns = [
    path("", views.event_list, name="events"),
    path("tidligere/", views.event_archive, name="archive"),
    path("ny/", manage_views.event_edit, name="create"),
    path("<int:pk>/", views.event_detail, name="event"),
    path("<int:pk>/endre/", manage_views.event_edit, name="edit"),
    path("<int:pk>/avlys/", manage_views.event_cancel, name="cancel"),
    path("<int:pk>/deltakere/", manage_views.participants, name="participants"),
    path("<int:pk>/meld-pa/", views.sign_up, name="sign_up"),
    path("<int:pk>/meld-av/", views.cancel_registration, name="cancel_registration"),
    path("<int:pk>/kalender.ics", views.event_ics, name="event_ics"),
    path("sted/<slug:slug>/kalender.ics", views.centre_feed, name="centre_feed"),
]
