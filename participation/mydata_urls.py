from django.urls import path

from . import mydata

app_name = "mydata"
urlpatterns: list = [
    path("", mydata.my_data, name="index"),
    path("kommentar/<int:pk>/ny-vurdering/", mydata.ask_second_review, name="second_review"),
    path("eksport/", mydata.export, name="export"),
    path("slett/", mydata.delete_account, name="delete"),
]
