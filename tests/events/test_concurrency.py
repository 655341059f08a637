"""Two people ask for the last place at the same moment, each in a transaction on a connection
of its own: the row lock on the event serves them one after the other, so exactly one gets the
place and the other goes to the waiting list. Without the lock both counted one free place."""

import threading

import pytest
from django.db import connection

from events import services
from events.models import Registration
from tests.events.factories import EventFactory, RegistrationFactory
from tests.factories import CentreFactory, UserFactory

pytestmark = [pytest.mark.slow, pytest.mark.django_db(transaction=True)]


def at_once(work, people):
    """Run work(person) for everyone at the same moment, each in a thread with its own database
    connection; the results (or the exceptions) in order."""
    start = threading.Barrier(len(people))
    results = [None] * len(people)

    def run(i):
        try:
            start.wait()
            results[i] = work(people[i])
        except Exception as exc:  # an answer too, and the test says which
            results[i] = exc
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(i,)) for i in range(len(people))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return results


def test_two_sign_ups_for_the_last_place(settings):
    settings.EVENT_SIGNUP_RATE_LIMIT = (100, 3600)
    event = EventFactory(centre=CentreFactory(), capacity=2)
    RegistrationFactory(event=event, user=UserFactory(username="first"))
    people = [UserFactory(username=f"racer{i}") for i in range(2)]
    for _round in range(3):
        Registration.objects.filter(user__in=people).delete()
        results = at_once(lambda person: services.sign_up(event, person).state, people)
        assert sorted(results) == [Registration.State.CONFIRMED, Registration.State.WAITING], results
        assert Registration.objects.filter(event=event, state=Registration.State.CONFIRMED).count() == 2


def test_many_at_once_never_past_capacity(settings):
    settings.EVENT_SIGNUP_RATE_LIMIT = (100, 3600)
    event = EventFactory(centre=CentreFactory(), capacity=3)
    people = [UserFactory(username=f"racer{i}") for i in range(8)]
    results = at_once(lambda person: services.sign_up(event, person).state, people)
    assert results.count(Registration.State.CONFIRMED) == 3
    assert results.count(Registration.State.WAITING) == 5


def test_the_same_person_twice_at_once_gets_one_registration():
    event = EventFactory(centre=CentreFactory(), capacity=5)
    kari = UserFactory(username="kari")
    results = at_once(lambda person: services.sign_up(event, person), [kari, kari])
    refused = [r for r in results if isinstance(r, services.Refused)]
    assert len(refused) == 1 and refused[0].message == "Du er allerede påmeldt dette arrangementet."
    assert Registration.objects.filter(event=event, user=kari).count() == 1


def test_a_cancellation_and_a_sign_up_at_once_keep_the_count(settings):
    settings.EVENT_SIGNUP_RATE_LIMIT = (100, 3600)
    event = EventFactory(centre=CentreFactory(), capacity=1)
    holder, waiting, newcomer = (UserFactory(username=n) for n in ("holder", "waiting", "newcomer"))
    services.sign_up(event, holder)
    services.sign_up(event, waiting)

    def act(person):
        if person == holder:
            return services.cancel_registration(event, person)
        return services.sign_up(event, person).state

    at_once(act, [holder, newcomer])
    confirmed = list(Registration.objects.filter(event=event, state=Registration.State.CONFIRMED)
                     .values_list("user__username", flat=True))
    assert confirmed == ["waiting"]
