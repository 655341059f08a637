from django.db import models
from django.utils.translation import gettext_lazy as _

# The longest text the form takes; the model holds what the form let through.
PAGE_MAX_LENGTH = 300
PROBLEM_MAX_LENGTH = 2000


class BarrierReport(models.Model):
    """A visitor's report of something on the portal they could not use (the feedback function
    an accessibility statement must have). Deleted by a daily task once it is old enough
    (about.services.REPORT_RETENTION_DAYS): the privacy statement says how long."""

    page = models.CharField(_("page"), max_length=PAGE_MAX_LENGTH, blank=True)
    problem = models.TextField(_("problem"))
    email = models.EmailField(_("e-mail address for an answer"), blank=True)
    language = models.CharField(_("language of the page"), max_length=8, blank=True)
    created_at = models.DateTimeField(_("received"), auto_now_add=True, db_index=True)
    handled_at = models.DateTimeField(_("handled"), null=True, blank=True)

    class Meta:
        verbose_name = _("barrier report")
        verbose_name_plural = _("barrier reports")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return self.problem[:60]
