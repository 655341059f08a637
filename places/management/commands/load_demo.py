from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from asker.roles import ROLES
from places.demo.loader import load_demo


class Command(BaseCommand):
    help = gettext_lazy("Load or refresh the Asker demo data set and the demo users (safe to run again).")

    def handle(self, *args, **options):
        summary = load_demo()
        centres = summary["centres"]
        self.stdout.write(self.style.SUCCESS(_("Asker demo data loaded.")))
        self.stdout.write(
            _(
                "%(districts)s statistical districts; centres: %(kommunesenter)s municipal, "
                "%(lokalsenter)s local, %(naersenter)s neighbourhood; %(plans)s plans; "
                "%(projects)s projects with %(phases)s phases; %(developers)s developers; "
                "%(facilities)s service facilities."
            )
            % {**summary, **centres}
        )
        self.stdout.write(_("Demo logins (password %(password)s):") % summary)
        for username, role in summary["users"]:
            self.stdout.write(f"  {username}  ({ROLES[role]})")
