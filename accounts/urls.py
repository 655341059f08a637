from django.urls import path

from . import views

app_name = "accounts"
urlpatterns = [
    path("", views.profile, name="profile"),
    path("logg-inn/", views.SignInView.as_view(), name="login"),
    path("logg-ut/", views.SignOutView.as_view(), name="logout"),
    path("registrer/", views.register, name="register"),
    path("registrer/sendt/", views.register_done, name="register_done"),
    path("aktiver/<str:token>/", views.activate, name="activate"),
    path("passord/", views.password_reset, name="password_reset"),
    path("passord/sendt/", views.password_reset_done, name="password_reset_done"),
    path("passord/ny/<uidb64>/<token>/", views.password_reset_confirm, name="password_reset_confirm"),
    path("passord/endret/", views.password_reset_complete, name="password_reset_complete"),
]
