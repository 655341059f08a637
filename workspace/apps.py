from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WorkspaceConfig(AppConfig):
    """The planner's workspace: maintaining projects, plans and centres (models live in places)."""

    name = "workspace"
    verbose_name = _("Planner's workspace")
