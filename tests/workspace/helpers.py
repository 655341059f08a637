"""Form data for the workspace's project form, as a browser would post it."""

from places.models import DevelopmentProject


def project_data(centre, phases=(), **overrides):
    data = {
        "name": "Nytt prosjekt", "slug": "", "centre": centre.pk, "architect": "", "description": "",
        "status": DevelopmentProject.Status.PLANNING, "flats": 0, "terraced": 0, "detached": 0,
        "commercial_m2": 0, "plan_id": "", "geometry": "",
        "phases-TOTAL_FORMS": len(phases), "phases-INITIAL_FORMS": 0,
        "phases-MIN_NUM_FORMS": 0, "phases-MAX_NUM_FORMS": 1000,
    }
    for i, phase in enumerate(phases):
        for key, value in phase.items():
            data[f"phases-{i}-{key}"] = value
    data.update(overrides)
    return data


def edit_data(project, **overrides):
    """The form as it comes back filled in for an existing project and its phases."""
    phases = list(project.phases.order_by("number"))
    data = project_data(project.centre, name=project.name, slug=project.slug, status=project.status,
                        **{kind: "" if getattr(project, kind) is None else getattr(project, kind)
                           for kind in ("flats", "terraced", "detached")},
                        geometry=project.geometry.json if project.geometry else "")
    data.update({"phases-TOTAL_FORMS": len(phases), "phases-INITIAL_FORMS": len(phases)})
    for i, phase in enumerate(phases):
        data.update({
            f"phases-{i}-id": phase.pk, f"phases-{i}-project": project.pk, f"phases-{i}-number": phase.number,
            f"phases-{i}-name": phase.name, f"phases-{i}-dwellings": "" if phase.dwellings is None else phase.dwellings,
            f"phases-{i}-start_year": phase.start_year or "", f"phases-{i}-finish_year": phase.finish_year or "",
        })
    for pk in project.developers.values_list("pk", flat=True):
        data.setdefault("developers", []).append(pk)
    data.update(overrides)
    return data
