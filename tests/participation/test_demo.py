import pytest
from django.core.management import call_command

from participation.models import Comment, Consultation


@pytest.mark.django_db
def test_demo_consultations_load_twice_to_the_same_rows(client):
    call_command("load_demo", verbosity=0)
    call_command("load_demo_consultations")
    first = list(Comment.objects.values_list("text", "state").order_by("pk"))
    call_command("load_demo_consultations")
    assert list(Comment.objects.values_list("text", "state").order_by("pk")) == first
    open_one = Consultation.objects.get(slug="heggedal-sentrum-demo")
    assert open_one.is_open and not Consultation.objects.get(slug="slemmestad-demo").is_open
    html = client.get(open_one.get_absolute_url()).content.decode()
    assert "Torget trenger flere benker" in html and "parkeringen ved stasjonen" not in html  # pending
    closed = client.get(Consultation.objects.get(slug="slemmestad-demo").get_absolute_url()).content.decode()
    assert "Kommunens svar" in closed and "Strandpromenaden må være åpen for alle." in closed
