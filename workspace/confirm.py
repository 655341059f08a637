"""Steps that are asked before they are taken: archiving, taking out of the archive and going
back to an earlier version. GET shows what will happen and a button (no JavaScript needed);
only a POST carrying that button's confirmation acts. Anything else changes nothing."""

import rules
from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from places import history, services
from places.models import DevelopmentProject

CONFIRMED = "yes"


class ConfirmForm(forms.Form):
    confirm = forms.ChoiceField(choices=[(CONFIRMED, CONFIRMED)], widget=forms.HiddenInput, error_messages={
        "required": gettext_lazy("Nothing was done: confirm with the button on this page."),
        "invalid_choice": gettext_lazy("Nothing was done: confirm with the button on this page."),
    })


def _archive(project, record):
    return {
        "perm": "places.archive_developmentproject",
        "title": _("Archive “%(name)s”?") % {"name": project.name},
        "explanation": _("An archived project disappears from every public page, map and list. It stays here "
                         "in the workspace with its history, and can be taken out of the archive again."),
        "button": _("Archive the project"),
        "act": services.archive,
        "done": _("“%(name)s” is archived and no longer shown to the public.") % {"name": project.name},
        "back": "workspace:project_edit",
        "applies": project.archived_at is None,
        "not_applicable": _("“%(name)s” is already archived.") % {"name": project.name},
    }


def _restore(project, record):
    return {
        "perm": "places.archive_developmentproject",
        "title": _("Take “%(name)s” out of the archive?") % {"name": project.name},
        "explanation": _("A published project is shown on the public pages again; a confidential one stays "
                         "confidential."),
        "button": _("Take the project out of the archive"),
        "act": services.restore,
        "done": _("“%(name)s” is taken out of the archive.") % {"name": project.name},
        "back": "workspace:project_edit",
        "applies": project.archived_at is not None,
        "not_applicable": _("“%(name)s” is not archived.") % {"name": project.name},
    }


def _revert(project, record):
    when = history.when_text(record.history_date)
    return {
        "perm": "places.revert_developmentproject",
        "title": _("Restore the version of %(when)s of “%(name)s”?") % {"when": when, "name": project.name},
        "explanation": _("The project's fields, phases and developers become as they were in that version. "
                         "Whether it is published or archived does not change, and the present version stays "
                         "in the history."),
        "button": _("Restore this version"),
        "act": lambda p: services.revert(p, record),
        "done": _("“%(name)s” is back as it was in the version of %(when)s.") % {"name": project.name, "when": when},
        "back": "workspace:project_history",
        "applies": True,
    }


STEPS = {"archive": _archive, "restore": _restore, "revert": _revert}


def confirmed_action(request, slug, step, history_id=None):
    project = get_object_or_404(DevelopmentProject, slug=slug)
    record = get_object_or_404(project.history, history_id=history_id) if history_id is not None else None
    info = STEPS[step](project, record)
    if not rules.has_perm(info["perm"], request.user, project):
        return render(request, "403.html", status=403)
    if not info["applies"]:
        messages.info(request, info["not_applicable"])
        return redirect(info["back"], slug=project.slug)
    form = ConfirmForm(request.POST if request.method == "POST" else None, initial={"confirm": CONFIRMED})
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                info["act"](project)
            except ValidationError as exc:
                form.add_error(None, _("That version cannot be restored: %(reason)s") % {"reason": "; ".join(exc.messages)})
            else:
                messages.success(request, info["done"])
                return redirect(info["back"], slug=project.slug)
        status = 400
        form.data = form.data.copy()
        form.data["confirm"] = CONFIRMED  # the button shown again is a real confirmation
    context = {"project": project, "record": record, "form": form, "info": info,
               "back_url": redirect(info["back"], slug=project.slug).url}
    return render(request, "workspace/confirm.html", context, status=status)
