"""What the history of a project says, in the reader's language.

A change reason is stored as a code with parameters (`reason("reverted", when=...)`), never as
text in the language of whoever made the change, and turned into a sentence when a page shows it
(`reason_text`). Reasons stored as plain text before codes existed are shown as they are.

`project_timeline` gives a project's versions, newest first, each with what changed from the
version before it (old → new), its phases (byggetrinn) included.
"""

import json
from datetime import datetime

from django.core.serializers.json import DjangoJSONEncoder
from django.utils import formats, timezone
from django.contrib.humanize.templatetags.humanize import intcomma
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from asker.templatetags.numbers import dekar, dwellings_phrase

from .geometry import area_m2, m2_to_dekar
from .models import Centre, Developer, DevelopmentProject, ProjectPhase
from .sdg import goal_label

# history_change_reason is a CharField(100): a parameter from the planner (a file name) is cut.
REASON_MAX_LENGTH = 100
PARAM_MAX_LENGTH = 40

REASONS = {
    "published": gettext_lazy("Published"),
    "made_confidential": gettext_lazy("Made confidential"),
    "archived": gettext_lazy("Archived"),
    "restored": gettext_lazy("Taken out of the archive"),
    "area_from_file": gettext_lazy("Area from the file %(name)s"),
    "reverted": gettext_lazy("Reverted to the version of %(when)s"),
}


def reason(code, **params):
    """The stored form of a change reason: {"c": code, "p": params} as compact JSON."""
    if code not in REASONS:
        raise ValueError(f"unknown change reason {code!r}")
    # Escaping can make a planner's text (a file name full of quotes) longer than it looks:
    # shorten until it fits.
    for length in range(PARAM_MAX_LENGTH, 0, -5):
        short = {k: Truncator(v).chars(length) if isinstance(v, str) else v for k, v in params.items()}
        stored = json.dumps({"c": code, "p": short}, cls=DjangoJSONEncoder, ensure_ascii=False, separators=(",", ":"))
        if len(stored) <= REASON_MAX_LENGTH:
            return stored
    return json.dumps({"c": code, "p": {}}, separators=(",", ":"))


def when_text(moment):
    """A moment to the second (versions can be seconds apart) in the reader's date format."""
    moment = timezone.localtime(moment)
    return f"{formats.date_format(moment, 'DATE_FORMAT')} {formats.time_format(moment, 'H:i:s')}"


def _param_text(name, value):
    if name == "when" and isinstance(value, str):
        try:
            return when_text(datetime.fromisoformat(value))
        except ValueError:
            return value
    return value


def reason_text(stored):
    """The sentence for a stored reason in the active language ("" for none)."""
    if not stored:
        return ""
    try:
        data = json.loads(stored)
    except ValueError:
        return stored  # plain text from before reasons were codes
    if not isinstance(data, dict) or data.get("c") not in REASONS:
        return stored
    params = data.get("p")
    params = {k: _param_text(k, v) for k, v in params.items()} if isinstance(params, dict) else {}
    try:
        return str(REASONS[data["c"]]) % params
    except (KeyError, TypeError, ValueError):
        return str(REASONS[data["c"]])


def reason_code(stored):
    try:
        data = json.loads(stored or "")
    except ValueError:
        return None
    return data.get("c") if isinstance(data, dict) else None


# --- Old → new ---------------------------------------------------------------------------------

# Follows the area; the area itself is shown.
_NOT_SHOWN = {"id", "location", "location_approximate", "municipality"}
TEXT_SHOWN = 80


def _empty():
    return "–"


def _yes_no(value):
    return _("yes") if value else _("no")


def _value_text(field, value, names):
    if value is None or value == "" or value == []:
        return _empty()
    if field.choices:
        return str(dict(field.flatchoices).get(value, value))
    if field.name == "centre":
        return names["centres"].get(value, str(value))
    if field.name == "sdg_goals":
        return ", ".join(goal_label(goal) for goal in value) if isinstance(value, list) else str(value)
    if field.name == "geometry":
        return _("%(dekar)s dekar") % {"dekar": dekar(m2_to_dekar(area_m2(value)))}
    if field.get_internal_type() == "BooleanField":
        return _yes_no(value)
    if field.get_internal_type() == "DateTimeField":
        return when_text(value)
    if isinstance(value, (int, float)) and not field.name.endswith("year"):  # 1 605, but 2026
        return intcomma(value)
    return Truncator(str(value)).chars(TEXT_SHOWN)


def _same(field, old, new):
    if field.name == "geometry" and old is not None and new is not None:
        return old.equals_exact(new, 1e-9)
    return old == new


def _field_changes(model, record, previous, names):
    changes = []
    for field in model._meta.concrete_fields:
        if field.name in _NOT_SHOWN:
            continue
        old, new = getattr(previous, field.attname), getattr(record, field.attname)
        if not _same(field, old, new):
            changes.append({"field": str(field.verbose_name), "old": _value_text(field, old, names),
                            "new": _value_text(field, new, names)})
    return changes


def _phase_summary(record):
    years = "–".join(str(y) for y in (record.start_year, record.finish_year) if y) or _empty()
    return _("%(dwellings)s, years %(years)s") % {"dwellings": dwellings_phrase(record.dwellings), "years": years}


def _phase_changes(record, previous, names):
    title = _("Phase %(number)s") % {"number": record.number if previous is None else previous.number}
    if record.history_type == "+" or previous is None:
        return [{"field": title, "old": _("none"), "new": _phase_summary(record)}]
    if record.history_type == "-":
        return [{"field": title, "old": _phase_summary(previous), "new": _("removed")}]
    return [{"field": f"{title}: {change['field']}", "old": change["old"], "new": change["new"]}
            for change in _field_changes(ProjectPhase, record, previous, names)]


def _developer_links():
    """simple-history's table of the developers of each project version."""
    return DevelopmentProject.history.model._meta.get_field("historicaldevelopmentproject_developers").related_model


def project_timeline(project, limit=100):
    """The project's versions, newest first: {"record", "reason", "changes", "is_current"}.

    Each version carries the phase changes saved with it (phases are saved just after their
    project, so a phase record belongs to the latest project record before it). Four queries."""
    records = list(
        project.history.select_related("history_user").order_by("-history_date", "-history_id")[:limit]
    )
    if not records:
        return []
    oldest = records[-1].history_date
    phases = list(ProjectPhase.history.filter(project_id=project.pk).order_by("history_date", "history_id"))
    links = {}
    for history_id, developer_id in _developer_links().objects.filter(
        history_id__in=[r.history_id for r in records]
    ).values_list("history_id", "developer_id"):
        links.setdefault(history_id, set()).add(developer_id)
    centre_ids = {r.centre_id for r in records}
    developer_ids = set().union(*links.values()) if links else set()
    names = {
        "centres": dict(Centre.objects.filter(pk__in=centre_ids).values_list("pk", "name")),
        "developers": dict(Developer.objects.filter(pk__in=developer_ids).values_list("pk", "name")),
    }
    # A reason from before codes is the planner's own words, Norwegian on any page.
    rows = {r.history_id: {"record": r, "reason": reason_text(r.history_change_reason), "changes": [],
                           "reason_in_words": bool(r.history_change_reason) and reason_code(r.history_change_reason) is None}
            for r in records}
    ordered = list(reversed(records))  # oldest first
    for record, previous in zip(ordered[1:], ordered[:-1]):
        rows[record.history_id]["changes"] = _field_changes(DevelopmentProject, record, previous, names)
        old_devs = sorted(names["developers"].get(d, "?") for d in links.get(previous.history_id, ()))
        new_devs = sorted(names["developers"].get(d, "?") for d in links.get(record.history_id, ()))
        if old_devs != new_devs:
            rows[record.history_id]["changes"].append({
                "field": str(DevelopmentProject._meta.get_field("developers").verbose_name),
                "old": ", ".join(old_devs) or _empty(), "new": ", ".join(new_devs) or _empty(),
            })
    last_of_phase = {}
    for phase_record in phases:
        previous = last_of_phase.get(phase_record.id)
        last_of_phase[phase_record.id] = phase_record
        if phase_record.history_date < oldest:
            continue
        owner = next((r for r in records if r.history_date <= phase_record.history_date), None)
        if owner is not None:
            rows[owner.history_id]["changes"] += _phase_changes(phase_record, previous, names)
    result = [rows[r.history_id] for r in records]
    if result:
        result[0]["is_current"] = True
    return result
