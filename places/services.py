"""Logic that spans several places models; views (public and workspace) call these and stay thin.

Reading: every list, count, tree and map of projects goes through `visible_to(user)`.
Writing: publishing, making confidential, archiving, restoring, saving with phases, reverting
and setting the area from a file happen here and nowhere else, each recorded in the history
with its reason.
"""

import logging
from collections import OrderedDict
from datetime import timedelta

from django.contrib.gis.db.models.functions import Envelope
from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, transaction
from django.db.models import Count, Q, Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from asker import pagecache

from . import history
from .models import Centre, DevelopmentProject, Municipality, Plan, ProjectPhase, StatisticalDistrict
from .figures import DwellingCount
from .models.projects import DWELLING_FIELDS, UNIQUE_PHASE_NUMBER, dwellings_total_expression

logger = logging.getLogger(__name__)


def current_municipality():
    """The municipality this deployment serves (one for now; the models are ready for many),
    with its bounding box as `envelope` (the boundary itself is large and rarely needed)."""
    return Municipality.objects.defer("boundary").annotate(envelope=Envelope("boundary")).order_by("pk").first()


def project_list_queryset(user):
    return (
        DevelopmentProject.objects.visible_to(user)
        .with_totals()
        .select_related("centre")
        .prefetch_related("developers")
        .defer("geometry", "centre__catchment", "source", "description")
        .order_by("name")
    )


def group_by_status(projects):
    """Projects grouped in the order of the status choices, with dwelling totals per group."""
    groups = OrderedDict((value, {"label": label, "projects": [], "dwellings": DwellingCount()})
                         for value, label in DevelopmentProject.Status.choices)
    for project in projects:
        group = groups[project.status]
        group["projects"].append(project)
        group["dwellings"].add(project.dwellings_total)
    return [dict(status=status, **g) for status, g in groups.items() if g["projects"]]


def centre_tree(municipality, user):
    """All centres as a tree (kommunesenter → lokalsentre → nærsentre) in one query. Each centre
    carries its own projects' figures (`own`, a DwellingCount) and those including every centre
    beneath it (`with_children`): Holmen's own project, and Billingstad's under it."""
    visible = DevelopmentProject.visible_q(user, "projects__")
    unknown = Q(**{f"projects__{name}__isnull": True for name in DWELLING_FIELDS})
    centres = list(
        Centre.objects.filter(municipality=municipality)
        .defer("catchment", "description", "source")
        .annotate(
            project_count=Count("projects", filter=visible),
            dwellings_known=Sum(dwellings_total_expression("projects__"), filter=visible),
            dwellings_unknown=Count("projects", filter=visible & unknown),
        )
        .order_by("name")
    )
    children = {}
    for centre in centres:
        children.setdefault(centre.parent_id, []).append(centre)
        centre.own = DwellingCount(centre.project_count, centre.dwellings_known or 0, centre.dwellings_unknown)
    roots = children.get(None, [])

    def roll_up(centre, seen):
        if centre.pk in seen:  # a loop in bad data must not recurse for ever
            return DwellingCount()
        seen.add(centre.pk)
        centre.child_list = children.get(centre.pk, [])
        centre.with_children = sum((roll_up(child, seen) for child in centre.child_list), centre.own)
        return centre.with_children

    seen = set()
    for root in roots:
        roll_up(root, seen)
    return roots


def find_in_tree(tree, pk):
    for centre in tree:
        if centre.pk == pk:
            return centre
        found = find_in_tree(centre.child_list, pk)
        if found is not None:
            return found
    return None


def centre_overview(centre, user):
    projects = list(
        DevelopmentProject.objects.visible_to(user)
        .filter(centre=centre)
        .prefetch_related("developers")
        .defer("geometry", "source", "description")
        .order_by("name")
    )
    districts = StatisticalDistrict.objects.filter(geometry__contains=centre.location).defer("geometry")
    node = find_in_tree(centre_tree(centre.municipality, user), centre.pk)
    own = DwellingCount.of(projects)
    return {
        "groups": group_by_status(projects),
        "own": own,
        # Centres beneath this one (a lokalsenter's nærsentre, everything under the kommunesenter).
        "with_children": node.with_children if node is not None else own,
        "children": node.child_list if node is not None else [],
        "plans": Plan.objects.filter(centre=centre).defer("boundary", "description", "source"),
        "facilities": centre.facilities.defer("source").order_by("kind", "name"),
        "districts": list(districts),
    }


def municipality_summary(municipality, user):
    projects = DevelopmentProject.objects.visible_to(user).filter(municipality=municipality)
    unknown = Q(**{f"{name}__isnull": True for name in DWELLING_FIELDS})
    totals = projects.aggregate(
        count=Count("pk"), known=Sum(dwellings_total_expression()), unknown=Count("pk", filter=unknown)
    )
    return {"dwellings": DwellingCount(totals["count"], totals["known"] or 0, totals["unknown"])}


# Writing ---------------------------------------------------------------------------------


def publish(project):
    project.visibility = DevelopmentProject.Visibility.PUBLIC
    project.published_at = project.published_at or timezone.now()
    project._change_reason = history.reason("published")
    project.save(update_fields=["visibility", "published_at"])


def make_confidential(project):
    project.visibility = DevelopmentProject.Visibility.CONFIDENTIAL
    project._change_reason = history.reason("made_confidential")
    project.save(update_fields=["visibility"])


def archive(project):
    project.archived_at = timezone.now()
    project._change_reason = history.reason("archived")
    project.save(update_fields=["archived_at"])


def restore(project):
    project.archived_at = None
    project._change_reason = history.reason("restored")
    project.save(update_fields=["archived_at"])


def save_project(form, formset):
    """Save a project form and its phase formset (places.forms.PhaseInlineFormSet) together,
    or nothing; returns (project, whether anything changed). A save that changes nothing
    writes nothing, so it leaves no version in the history. The forms check what they can
    see; what the database refuses beyond that (a change saved by someone else in the
    meantime) raises ValidationError, with nothing saved, for the form to show."""
    project = form.instance
    adding = project._state.adding
    if not adding and not has_changes(form, formset):
        # What formset.save() would have set, for those who read it (the admin's change message).
        formset.new_objects, formset.changed_objects, formset.deleted_objects = [], [], []
        return project, False
    try:
        with transaction.atomic():
            # One version per save, made once the developers are in place and before the
            # phases' own records (services.version_end relies on that order).
            project.skip_history_when_saving = True
            try:
                form.save()
            finally:
                del project.skip_history_when_saving
            project.save()
            if adding:
                project.history.filter(history_id=project.history.latest().history_id).update(history_type="+")
                pagecache.bump()  # a bulk update sends no signals
            formset.instance = project
            formset.save()
            _check_phase_numbers_now()
    except IntegrityError as exc:
        logger.warning("Project %r not saved: %s", project.name, exc)
        # Rolled back: the objects must not look saved to the page that shows the form again.
        for obj in [project] * adding + list(getattr(formset, "new_objects", [])):
            obj.pk = None
            obj._state.adding = True
        if UNIQUE_PHASE_NUMBER in str(exc):
            message = _("Two phases of a project cannot have the same number. Someone may have changed the "
                        "phases since you opened the page; open it again to see them. Nothing was saved.")
        else:
            message = _("The project conflicts with a change saved in the meantime. Open the page again and "
                        "make your change there. Nothing was saved.")
        raise ValidationError(message, code="conflict") from exc
    return project, True


def has_changes(form, formset):
    """Whether saving the project form and its phases would change anything stored: the form's
    values are compared with the row (a map redrawn within a few centimetres is no change)."""
    project = form.instance
    stored = DevelopmentProject.objects.filter(pk=project.pk).first()
    if stored is None or formset.has_changed():
        return True
    for field in DevelopmentProject._meta.concrete_fields:
        old, new = getattr(stored, field.attname), getattr(project, field.attname)
        if field.name in DevelopmentProject.geometry_fields and old is not None and new is not None:
            if not old.equals_exact(new, GEOMETRY_TOLERANCE):
                return True
        elif old != new:
            return True
    if "developers" in form.cleaned_data:
        wanted = {d.pk for d in form.cleaned_data["developers"]}
        if wanted != set(stored.developers.values_list("pk", flat=True)):
            return True
    return False


# Degrees; Leaflet sends coordinates with six decimals (about 10 cm), as Django's own check does.
GEOMETRY_TOLERANCE = 1e-6


def _check_phase_numbers_now():
    """Phase numbers are checked by the database at the end of the transaction, so that two
    phases can swap numbers. Check them here instead, where a clash can still be refused with
    this save alone, not at a commit that may be far away (the admin's own transaction)."""
    if connection.vendor == "postgresql":
        name = connection.ops.quote_name(UNIQUE_PHASE_NUMBER)
        with connection.cursor() as cursor:
            cursor.execute(f"SET CONSTRAINTS {name} IMMEDIATE")
            cursor.execute(f"SET CONSTRAINTS {name} DEFERRED")


@transaction.atomic
def set_area_from_file(project, geometry, file_name):
    """Give `project` the area read from an uploaded file; the map point follows. Raises
    ValidationError (and changes nothing) when the area breaks a rule of the project."""
    project.set_area(geometry)
    project.full_clean()
    project._change_reason = history.reason("area_from_file", name=file_name)
    project.save()
    return project


def version_end(record):
    """The moment a version of a project stopped being current (its phases are saved just
    after the project itself, so the version's phases are those alive until then)."""
    later = record.instance_type.history.filter(
        id=record.id, history_date__gt=record.history_date
    ).order_by("history_date").first()
    return later.history_date - timedelta(microseconds=1) if later else timezone.now()


@transaction.atomic
def revert(project, record):
    """Make `project` as it was in the history `record`: its fields, phases and developers.

    Never its visibility, publication or archiving: those are steps of their own, so going
    back to a version from before a project was made confidential does not publish it."""
    old = record.instance
    moment = version_end(record)
    old_phases = list(ProjectPhase.history.as_of(moment).filter(project_id=project.pk))
    for field in DevelopmentProject._meta.concrete_fields:
        if not field.primary_key and field.name not in DevelopmentProject.LIFECYCLE_FIELDS:
            setattr(project, field.attname, getattr(old, field.attname))
    project.full_clean()
    project.check_phase_totals(old_phases)
    project._change_reason = history.reason("reverted", when=record.history_date.isoformat())
    project.save()
    keep = {phase.pk for phase in old_phases}
    current = {phase.pk: phase for phase in project.phases.all()}
    for pk, phase in current.items():
        if pk not in keep:
            phase.delete()
    fields = [f.attname for f in ProjectPhase._meta.concrete_fields]
    for phase in old_phases:
        now = current.get(phase.pk)
        # A phase that is already as it was gets no new version of its own.
        if now is None or any(getattr(now, f) != getattr(phase, f) for f in fields):
            phase.save()
    project.developers.set([link.developer_id for link in record.developers.all()])
    return project
