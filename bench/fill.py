"""The benchmark's data: the demo data plus generated projects, a consultation with many
comments, survey rounds, events and organisations (bench/pages.py fills `asker_bench` with it)."""

import os
import random

def fill(projects, comments, placed):
    import django

    django.setup()
    from django.contrib.gis.geos import MultiPolygon, Point, Polygon
    from django.core.management import call_command

    from places.models import Centre, Developer, DevelopmentProject, ProjectPhase

    call_command("migrate", verbosity=0)
    call_command("load_demo", verbosity=0)
    call_command("load_demo_community", verbosity=0)
    call_command("load_demo_volunteering", verbosity=0, stdout=open(os.devnull, "w"))
    centres = list(Centre.objects.all())
    developers = list(Developer.objects.all())
    rng = random.Random(3203)
    statuses = DevelopmentProject.Status.values
    Visibility = DevelopmentProject.Visibility
    existing = DevelopmentProject.objects.count()
    new = []
    for i in range(max(0, projects - existing)):
        centre = rng.choice(centres)
        x = centre.location.x + rng.uniform(-0.01, 0.01)
        y = centre.location.y + rng.uniform(-0.005, 0.005)
        size = rng.uniform(0.0005, 0.002)
        new.append(DevelopmentProject(
            municipality_id=centre.municipality_id, centre=centre, name=f"Benkprosjekt {i}",
            slug=f"benk-{i}", status=rng.choice(statuses),
            visibility=Visibility.CONFIDENTIAL if i % 10 == 0 else Visibility.PUBLIC,
            geometry=MultiPolygon(Polygon.from_bbox((x, y, x + size, y + size)), srid=4326),
            location=Point(x + size / 2, y + size / 2, srid=4326),
            flats=rng.randint(0, 300), terraced=rng.randint(0, 40),
        ))
    DevelopmentProject.objects.bulk_create(new, batch_size=1000)
    through = DevelopmentProject.developers.through
    phases, links = [], []
    for project in DevelopmentProject.objects.filter(slug__startswith="benk-"):
        phases.append(ProjectPhase(project=project, number=1, dwellings=project.dwellings_total,
                                   start_year=rng.randint(2015, 2030), finish_year=2035))
        links.append(through(developmentproject=project, developer=rng.choice(developers)))
    ProjectPhase.objects.bulk_create(phases, batch_size=1000)
    through.objects.bulk_create(links, batch_size=1000)
    fill_consultation(rng, comments, placed)
    call_command("load_demo_stedskompasset", verbosity=0)
    fill_events(rng, centres)
    from django.db import connection

    with connection.cursor() as cursor:  # what autovacuum does in time; bulk inserts leave no statistics
        cursor.execute("ANALYZE")
    return DevelopmentProject.objects.count()


def fill_consultation(rng, comments, placed):
    """One open consultation about Heggedal with `comments` published comments by 500 people,
    `placed` of them on the map, one in ten a reply; and 200 pending ones for the queue."""
    from datetime import timedelta

    from django.contrib.auth import get_user_model
    from django.contrib.gis.geos import Point
    from django.utils import timezone

    from participation.models import Comment, Consultation
    from places.models import Centre

    User = get_user_model()
    centre = Centre.objects.get(slug="heggedal")
    now = timezone.now()
    consultation = Consultation.objects.create(
        municipality_id=centre.municipality_id, centre=centre, title="Benkhøring for Heggedal",
        slug="benk-hoering", text="Høring med mange innspill.", opens_at=now - timedelta(days=30),
        closes_at=now + timedelta(days=30), moderation=Consultation.Moderation.POST,
    )
    User.objects.bulk_create([User(username=f"benk{i}", email=f"benk{i}@example.org") for i in range(500)])
    people = list(User.objects.filter(username__startswith="benk"))
    x, y = centre.location.x, centre.location.y
    made = []
    for i in range(comments + 200):
        location = None
        if i < placed:
            location = Point(x + rng.uniform(-0.02, 0.02), y + rng.uniform(-0.01, 0.01), srid=4326)
        state = Comment.State.PUBLISHED if i < comments else Comment.State.PENDING
        made.append(Comment(consultation=consultation, author=people[i % len(people)], state=state,
                            text=f"Innspill nummer {i}: " + "mer grønt og tryggere veier. " * rng.randint(1, 6),
                            location=location))
    Comment.objects.bulk_create(made, batch_size=2000)
    parents = list(Comment.objects.filter(consultation=consultation, state=Comment.State.PUBLISHED)
                   .values_list("pk", flat=True)[: comments // 10])
    Comment.objects.filter(pk__in=parents[len(parents) // 2:]).update(parent_id=parents[0])
    return consultation


def fill_events(rng, centres, count=300):
    """`count` coming and past events across the centres, a tenth of them with 30 sign-ups of the
    bench users (a full list and a waiting list)."""
    from datetime import timedelta

    from django.contrib.auth import get_user_model
    from django.utils import timezone

    from events.models import Event, Registration

    now = timezone.now()
    made = []
    for i in range(count):
        starts = now + timedelta(days=rng.randint(-200, 200), hours=rng.randint(0, 12))
        made.append(Event(title=f"Benkmøte {i}", kind=rng.choice(Event.Kind.values), centre=rng.choice(centres),
                          description="Et møte om stedet. " * rng.randint(1, 8), starts_at=starts,
                          ends_at=starts + timedelta(hours=2), capacity=rng.choice([None, 20, 50]),
                          state=Event.State.PUBLISHED))
    Event.objects.bulk_create(made, batch_size=1000)
    people = list(get_user_model().objects.filter(username__startswith="benk")[:30])
    full = Event.objects.filter(title__startswith="Benkmøte", capacity=20, ends_at__gt=now)[: count // 10]
    Registration.objects.bulk_create(
        [Registration(event=event, user=person, state="confirmed" if n < 20 else "waiting")
         for event in full for n, person in enumerate(people)], batch_size=2000)
