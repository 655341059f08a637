from django.urls import path, register_converter

from . import opportunity_views, representative_views, views


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
    path("kart.geojson", views.organisation_map, name="organisation_map"),
    path("organisasjoner/<orgnr:number>/", views.organisation_detail, name="organisation"),
    path("organisasjoner/<orgnr:number>/endre/", representative_views.organisation_edit, name="organisation_edit"),
    path("organisasjoner/<orgnr:number>/representere/", representative_views.request_representation,
         name="request_representation"),
    path("foresporsler/", representative_views.request_list, name="requests"),
    path("foresporsler/<int:pk>/avgjor/", representative_views.decide_request, name="decide_request"),
    path("oppdrag/", opportunity_views.opportunity_list, name="opportunities"),
    path("oppdrag/ny/", opportunity_views.opportunity_create, name="opportunity_create"),
    path("oppdrag/<int:pk>/", opportunity_views.opportunity_detail, name="opportunity"),
    path("oppdrag/<int:pk>/endre/", opportunity_views.opportunity_edit, name="opportunity_edit"),
    path("oppdrag/<int:pk>/interesse/", opportunity_views.register_interest, name="register_interest"),
    path("oppdrag/<int:pk>/trekk/", opportunity_views.withdraw_interest, name="withdraw_interest"),
    path("oppdrag/<int:pk>/interesserte/", opportunity_views.interested, name="interested"),
    path("oppdrag/<int:pk>/interesserte/<int:interest_pk>/kontaktet/", opportunity_views.mark_contacted,
         name="mark_contacted"),
]
