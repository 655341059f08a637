"""Changes to projects that span several models: publishing, archiving, saving with phases,
and going back to an earlier version. Every change lands in the history with a reason."""

from datetime import timedelta

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from places.models import DevelopmentProject, ProjectPhase


def publish(project):
    project.visibility = DevelopmentProject.Visibility.PUBLIC
    project.published_at = project.published_at or timezone.now()
    project._change_reason = _("Published")
    project.save(update_fields=["visibility", "published_at"])


def make_confidential(project):
    project.visibility = DevelopmentProject.Visibility.CONFIDENTIAL
    project._change_reason = _("Made confidential")
    project.save(update_fields=["visibility"])


def archive(project):
    project.archived_at = timezone.now()
    project._change_reason = _("Archived")
    project.save(update_fields=["archived_at"])


def restore(project):
    project.archived_at = None
    project._change_reason = _("Taken out of the archive")
    project.save(update_fields=["archived_at"])


@transaction.atomic
def save_project(form, formset):
    project = form.save()
    formset.instance = project
    formset.save()
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
    """Make `project` as it was in the history `record`: its fields, phases and developers."""
    old = record.instance
    moment = version_end(record)
    old_phases = list(ProjectPhase.history.as_of(moment).filter(project_id=project.pk))
    for field in DevelopmentProject._meta.concrete_fields:
        if not field.primary_key:
            setattr(project, field.attname, getattr(old, field.attname))
    project.phases_for_check = old_phases
    project.full_clean()
    project._change_reason = _("Reverted to the version of %(when)s") % {
        "when": timezone.localtime(record.history_date).strftime("%d.%m.%Y %H:%M:%S")
    }
    project.save()
    keep = {phase.pk for phase in old_phases}
    for phase in project.phases.exclude(pk__in=keep):
        phase.delete()
    for phase in old_phases:
        phase.save()
    project.developers.set([link.developer_id for link in record.developers.all()])
    return project
