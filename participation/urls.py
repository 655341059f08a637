from django.urls import path

from . import views

app_name = "participation"
urlpatterns = [
    path("", views.consultation_list, name="consultations"),
    path("<slug:slug>/", views.consultation_detail, name="consultation"),
    path("<slug:slug>/kommenter/", views.comment, name="comment"),
    path("<slug:slug>/sted/", views.describe_place, name="place"),
    path("<slug:slug>/kommentar/<int:pk>/", views.thread, name="thread"),
    path("<slug:slug>/kommentar/<int:pk>/flagg/", views.flag, name="flag"),
    path("<slug:slug>/kommentar/<int:pk>/slett/", views.withdraw, name="withdraw"),
    path("<slug:slug>/kommentar/<int:pk>/endre/", views.edit, name="edit"),
]
