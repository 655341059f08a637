from django.urls import path, register_converter

from . import views


class OrganisationNumber:
    # Only nine digits reach the view: anything else is a 404 before a query.
    regex = "[0-9]{9}"

    def to_python(self, value):
        return value

    def to_url(self, value):
        return value


register_converter(OrganisationNumber, "orgnr")

app_name = "volunteering"

urlpatterns = [
    path("", views.organisation_list, name="organisations"),
    path("organisasjoner/<orgnr:number>/", views.organisation_detail, name="organisation"),
]
