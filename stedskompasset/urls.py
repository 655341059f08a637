from django.urls import path

from . import rounds, views

app_name = "stedskompasset"
urlpatterns = [
    path("", views.round_list, name="rounds"),
    path("<slug:slug>/", views.centre_survey, name="survey"),
    path("<slug:slug>/svar/", views.answer, name="answer"),
    path("<slug:slug>/verksted/", views.workshop, name="workshop"),
    path("<slug:slug>/ny-runde/", rounds.new_round, name="new_round"),
    path("<slug:slug>/resultater/", views.results_page, name="results"),
]
