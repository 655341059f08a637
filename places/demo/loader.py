"""The Asker demo data set, loaded idempotently in one transaction.

Every row is looked up by its natural key, updated in place and full_clean()ed before it is
saved, so a second run leaves the database as the first one left it, and data that breaks a
model rule stops the whole load instead of leaving half a municipality behind.
"""

from decimal import Decimal

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import check_password, make_password
from django.contrib.auth.models import Group
from django.contrib.gis.geos import GEOSGeometry, Point
from django.db import transaction
from django.utils import timezone

from asker import roles
from places.models.projects import DWELLING_FIELDS
from places.models import (
    Centre,
    Developer,
    DevelopmentProject,
    Municipality,
    Plan,
    ProjectPhase,
    ServiceFacility,
    StatisticalDistrict,
)

from . import shapes
from .facilities import DEMO_NAME, FACILITIES, REAL_NAME
from .plans import PLANS
from .projects import DEVELOPERS, PROJECTS

MUNICIPALITY_NUMBER = "3203"
POPULATION_YEAR = 2025
GROWTH_RATE = Decimal("1.10")  # the municipality's long-term planning assumption (presentation)

DEMO_PASSWORD = "asker-demo"
DEMO_USERS = [
    # (username, role group, staff and superuser)
    ("beboer", roles.RESIDENT, False),
    ("planlegger", roles.PLANNER, False),
    ("moderator", roles.MODERATOR, False),
    ("frivillig", roles.ORGANISATION_REPRESENTATIVE, False),
    ("admin", roles.ADMINISTRATOR, True),
]

KARTVERKET_SSB = "© Kartverket og SSB, CC BY 4.0"
# Coordinates of these kinds are too coarse, or too indirect, to stand for a centre's point.
COARSE_COORDINATES = ("COMPUTED", "arc-minute", "unverified")

LEVEL_SOURCE = {
    "kommunesenter": "Nivå: kommunesenteret (kommunens presentasjon).",
    "lokalsenter": "Nivå: ett av de ni lokalsentrene (offentlige kilder).",
    "confirmed_naersenter": (
        "Nivå: bekreftet som ett av de 26 nærsentrene (asker.kommune.no, idédugnad på Klokkarstua)."
    ),
    "demo_naersenter": (
        "Nivå: demo-klassifisering. Asker har 26 nærsentre, men bare Klokkarstua er bekreftet ved navn; "
        "dette virkelige stedet er brukt som nærsenter i demodataene."
    ),
}
PARENT_SOURCE = "Overordnet senter: nærmeste lokalsenter eller kommunesenteret i luftlinje (beregnet)."


def _differs(old, new):
    if isinstance(old, GEOSGeometry) and isinstance(new, GEOSGeometry):
        return not old.equals_exact(new, 1e-9)
    return old != new


def assign(obj, values):
    """Set the values on obj; True when any of them changed (or obj is new)."""
    if obj.pk is None:
        for name, value in values.items():
            setattr(obj, name, value)
        return True
    changed = False
    for name, value in values.items():
        if _differs(getattr(obj, name), value):
            setattr(obj, name, value)
            changed = True
    return changed


def upsert(model, lookup, values):
    # Saving only what changed keeps a second run from writing anything, history included.
    obj = model.objects.filter(**lookup).first() or model(**lookup)
    if assign(obj, values):
        obj.full_clean()
        obj.save()
    return obj


@transaction.atomic
def load_demo():
    """Load (or refresh) the demo data set; returns counts of what it holds."""
    municipality, districts = _load_municipality_and_districts()
    clip_to = shapes.to_utm(municipality.boundary)
    centres = _load_centres(municipality, districts)
    plans = _load_plans(municipality, centres, clip_to)
    developers = {
        slug: upsert(Developer, {"slug": slug}, {"name": name}) for slug, name in DEVELOPERS.items()
    }
    projects = [_load_project(municipality, centres, developers, clip_to, data) for data in PROJECTS]
    facilities = _load_facilities(municipality, centres)
    users = _load_users()
    return {
        "districts": len(districts),
        "centres": {level: sum(c.level == level for c in centres.values()) for level in Centre.Level.values},
        "plans": len(plans),
        "developers": len(developers),
        "projects": len(projects),
        "phases": ProjectPhase.objects.filter(project__in=projects).count(),
        "facilities": len(facilities),
        "users": [(user.username, role) for user, role in users],
        "password": DEMO_PASSWORD,
    }


def _load_municipality_and_districts():
    features = shapes.read_geojson("asker-delomrader.geojson")["features"]
    boundary = shapes.feature_geometry(shapes.read_geojson("asker-boundary.geojson")["features"][0])
    municipality = upsert(
        Municipality,
        {"number": MUNICIPALITY_NUMBER},
        {
            "name": "Asker",
            "slug": "asker",
            "boundary": boundary,
            # The population is the sum of the delområder, so the two always agree.
            "population": sum(f["properties"]["population"] for f in features),
            "population_year": POPULATION_YEAR,
            "growth_rate": GROWTH_RATE,
        },
    )
    districts = {}
    for feature in features:
        props = feature["properties"]
        districts[props["delomraade_no"]] = upsert(
            StatisticalDistrict,
            {"code": props["delomraade_no"]},
            {
                "municipality": municipality,
                "name": props["delomraade_name"],
                "population": props["population"],
                "population_year": POPULATION_YEAR,
                "geometry": shapes.feature_geometry(feature),
            },
        )
    return municipality, districts


def _coordinate(spec, name, published, grunnkretser, districts):
    """(point, approximate, source text) for a centre's coordinate spec in centres.csv."""
    kind, _, rest = spec.partition(":")
    if kind == "csv":
        row = published[rest or name]
        point = Point(float(row["lon"]), float(row["lat"]), srid=4326)
        coarse = any(word in row["coord_kind"] for word in COARSE_COORDINATES)
        return point, coarse, f"Koordinat: {row['coord_source']} ({row['coord_kind']}; data/asker-centres.csv)."
    if kind == "delomrade":
        code, how = rest.split(":")
        where = f"delområde {code} {districts[code].name}"
    elif kind == "grunnkrets":
        rows = [grunnkretser[code] for code in rest.split("+")]
        code, how = rows[0]["delomraade_no"], "surface"
        if any(row["delomraade_no"] != code for row in rows):
            raise ValueError(f"{name}: the grunnkretser lie in different delområder")
        kretser = ", ".join(f"{row['grunnkrets_no']} {row['grunnkrets_name']}" for row in rows)
        where = f"delområde {code} {districts[code].name}, der grunnkrets {kretser} ligger (SSB Klass)"
    else:
        raise ValueError(f"{name}: unknown coordinate spec {spec!r}")
    area = districts[code].geometry
    computed = area.centroid if how == "centroid" else area.point_on_surface
    # Four decimals (about 10 m) is already more precision than a computed point deserves.
    point = Point(round(computed.x, 4), round(computed.y, 4), srid=4326)
    method = "tyngdepunktet" if how == "centroid" else "et punkt på flaten"
    return point, True, (
        f"Koordinat beregnet: {method} til SSB-{where} ({KARTVERKET_SSB}); ikke et virkelig senterpunkt."
    )


def _load_centres(municipality, districts):
    published = {row["name"]: row for row in shapes.read_csv("asker-centres.csv")}
    grunnkretser = {row["grunnkrets_no"]: row for row in shapes.read_csv("asker-grunnkretser-2025.csv")}
    rows = shapes.read_csv("centres.csv")
    # Parents first, so each level can find the level above it.
    order = {level: index for index, level in enumerate(Centre.Level.values)}
    rows.sort(key=lambda row: order[row["level"]])
    centres = {}
    for row in rows:
        point, approximate, coordinate_source = _coordinate(
            row["coordinate"], row["name"], published, grunnkretser, districts
        )
        level = row["level"]
        confirmed = row["classification"] == "confirmed"
        if level == Centre.Level.NAERSENTER:
            level_source = LEVEL_SOURCE["confirmed_naersenter" if confirmed else "demo_naersenter"]
        else:
            level_source = LEVEL_SOURCE[level]
        sources = [coordinate_source]
        if row["population"]:
            sources.append(f"Folketall: {row['population_source']}.")
        sources.append(level_source)
        parent = _nearest_parent(level, point, centres.values())
        if level == Centre.Level.NAERSENTER:
            sources.append(PARENT_SOURCE)
        centres[row["slug"]] = upsert(
            Centre,
            {"slug": row["slug"]},
            {
                "municipality": municipality,
                "name": row["name"],
                "level": level,
                "parent": parent,
                "location": point,
                "location_approximate": approximate,
                "population": int(row["population"]) if row["population"] else None,
                "description": row["description"],
                "demo_classification": not confirmed,
                "source": " ".join(sources),
            },
        )
    return centres


def _nearest_parent(level, point, existing):
    allowed = Centre.ALLOWED_PARENTS[level]
    if not allowed:
        return None
    candidates = [centre for centre in existing if centre.level in allowed]
    return min(candidates, key=lambda centre: shapes.distance_m(point, centre.location))


def _area(spec, centre, municipality, clip_to):
    if spec == "municipality":
        return municipality.boundary
    east, north, width, height = spec
    return shapes.box_around(centre.location, east, north, width, height, clip_to)


def _load_plans(municipality, centres, clip_to):
    plans = {}
    for data in PLANS:
        centre = centres[data["centre"]]
        plans[data["plan_id"]] = upsert(
            Plan,
            {"plan_id": data["plan_id"]},
            {
                "municipality": municipality,
                "name": data["name"],
                "kind": data["kind"],
                "plan_type": data["plan_type"],
                "plan_status": data["plan_status"],
                "centre": centre,
                "boundary": _area(data["area"], centre, municipality, clip_to),
                "adopted": data.get("adopted"),
                "description": data["description"],
                "source": data["source"],
            },
        )
    return plans


def _load_project(municipality, centres, developers, clip_to, data):
    centre = centres[data["centre"]]
    geometry = shapes.box_around(centre.location, *data["at"], *data["size"], clip_to)
    existing = DevelopmentProject.objects.filter(slug=data["slug"]).first()
    project = existing or DevelopmentProject(slug=data["slug"])
    visibility = data.get("visibility", DevelopmentProject.Visibility.PUBLIC)
    public = visibility == DevelopmentProject.Visibility.PUBLIC
    values = {
        "municipality": municipality,
        "name": data["name"],
        "centre": centre,
        "architect": data.get("architect", ""),
        "description": data["description"],
        # The real sites are not known, so the areas and their points are approximate.
        **DevelopmentProject.area_fields(geometry, approximate=True),
        "status": data["status"],
        "visibility": visibility,
        # A project whose source gives no number of dwellings has an unknown number (NULL, shown
        # as "unknown"), not 0; one that gives some kinds has none of the others.
        **_dwellings(data),
        "commercial_m2": data.get("commercial_m2", 0),
        "kindergarten": data.get("kindergarten", False),
        "local_centre": data.get("local_centre", False),
        "marina": data.get("marina", False),
        "plan_id": data["plan"],
        "sdg_goals": data["sdg_goals"],
        "source": data["source"],
        # Every project's phases or years are our own, so none is free of demo figures.
        "is_demo": True,
        # Keep the first publication time, so a re-run changes nothing.
        "published_at": (project.published_at or timezone.now()) if public else None,
    }
    if assign(project, values):
        project.full_clean()
        # The phases as they will be saved, not the stored ones.
        project.check_phase_totals([ProjectPhase(dwellings=phase[2]) for phase in data["phases"]])
        project.save()
    _sync_phases(project, data["phases"])
    wanted = {developers[slug].pk for slug in data.get("developers", [])}
    if set(project.developers.values_list("pk", flat=True)) != wanted:
        project.developers.set(wanted)
    return project


def _dwellings(data):
    if not any(kind in data for kind in DWELLING_FIELDS):
        return dict.fromkeys(DWELLING_FIELDS)
    return {kind: data.get(kind, 0) for kind in DWELLING_FIELDS}


def _sync_phases(project, phases):
    numbers = []
    for number, name, dwellings, start_year, finish_year in phases:
        upsert(
            ProjectPhase,
            {"project": project, "number": number},
            {"name": name, "dwellings": dwellings, "start_year": start_year, "finish_year": finish_year},
        )
        numbers.append(number)
    for phase in project.phases.exclude(number__in=numbers):
        phase.delete()  # one by one, so each deletion is in the history


def _load_facilities(municipality, centres):
    facilities = []
    for name, kind, centre_slug, capacity, (east, north), real_name in FACILITIES:
        centre = centres[centre_slug]
        facilities.append(
            upsert(
                ServiceFacility,
                {"municipality": municipality, "name": name},
                {
                    "centre": centre,
                    "kind": kind,
                    "capacity": capacity,
                    "location": shapes.moved(centre.location, east, north),
                    "location_approximate": True,
                    "is_demo": True,
                    "source": REAL_NAME if real_name else DEMO_NAME,
                },
            )
        )
    return facilities


def _load_users():
    roles.ensure_groups()
    User = get_user_model()
    # Password hashing is slow by design (about half a second each). The demo users share one
    # published password, so they share one hash too: a run hashes or verifies it once, not
    # once per user, and an unchanged password is left alone so a re-run changes nothing.
    verified = {}
    shared_hash = []
    users = []
    for username, role, admin in DEMO_USERS:
        user = User.objects.filter(username=username).first() or User(username=username)
        user.email = f"{username}@example.org"
        user.is_active = True
        user.is_staff = admin
        user.is_superuser = admin
        if user.password not in verified:
            verified[user.password] = bool(user.password) and check_password(DEMO_PASSWORD, user.password)
        if not verified[user.password]:
            if not shared_hash:
                shared_hash.append(make_password(DEMO_PASSWORD))
            user.password = shared_hash[0]
        user.full_clean()
        user.save()
        user.groups.set([Group.objects.get(name=role)])
        users.append((user, role))
    return users
