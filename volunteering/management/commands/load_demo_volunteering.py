from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from volunteering import importer
from volunteering.demo import loader


class Command(BaseCommand):
    help = ("Load the volunteering demo: invented organisations (source demo) and the import of "
            "volunteering/demo/enheter.json. Safe to run again. Run after load_demo (the centres).")

    def handle(self, *args, **options):
        made, result = loader.load()
        self.stdout.write(_("demo organisations: %(count)d") % {"count": made})
        for key, label in importer.COUNT_LABELS.items():
            self.stdout.write(f"{label}: {result.counts[key]}")
