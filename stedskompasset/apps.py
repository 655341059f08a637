from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StedskompassetConfig(AppConfig):
    """Stedskompasset, the Norwegian version of the Scottish Place Standard tool: residents rate
    their local place on 14 themes from 1 to 7, in survey rounds per centre or in workshops."""

    name = "stedskompasset"
    verbose_name = _("Stedskompasset")

    def ready(self):
        from django.contrib.auth import get_user_model
        from django.db.models.signals import pre_delete

        from asker import pagecache, personaldata

        from .models import SurveyRound
        from .mydata import export_user_data, forget_comments

        personaldata.register(self.label, export_user_data)
        pre_delete.connect(forget_comments, sender=get_user_model(), dispatch_uid="stedskompasset-forget-comments")

        # The survey page offers the form only while a round is open, and the list sorts rounds
        # by open and closed: both change when a round opens or closes.
        pagecache.watch(self.label, moments=lambda now: SurveyRound.objects.moments(now),
                        moved_by=("stedskompasset.SurveyRound",))
