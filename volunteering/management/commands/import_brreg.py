from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from volunteering import brreg, importer


class Command(BaseCommand):
    help = ("Import Enhetsregisteret's bulk file (JSON or CSV, gzipped or not): the units of one "
            "municipality that are in Frivillighetsregisteret.")

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument("--municipality", default=None,
                            help="kommunenummer to keep (default: settings.VOLUNTEERING_MUNICIPALITY or 3203)")

    def handle(self, *args, file, municipality, **options):
        if municipality is not None and not (len(municipality) == 4 and municipality.isascii() and municipality.isdigit()):
            raise CommandError(_("A municipality number is four digits, for example 3203."))
        try:
            result = importer.import_file(file, municipality)
        except FileNotFoundError as exc:
            raise CommandError(_("No such file: %(file)s") % {"file": file}) from exc
        except IsADirectoryError as exc:
            raise CommandError(_("Not a file: %(file)s") % {"file": file}) from exc
        except brreg.UnreadableFile as exc:
            raise CommandError(_("Nothing imported: %(reason)s") % {"reason": exc}) from exc
        except OSError as exc:  # no permission, a disk error
            raise CommandError(_("The file cannot be read (%(error)s).") % {"error": exc.strerror or exc}) from exc
        for position, reason in result.rejections:
            self.stderr.write(_("element %(position)d rejected: %(reason)s") % {"position": position, "reason": reason})
        if result.counts["rejected"] > len(result.rejections):
            self.stderr.write(_("(only the first %(shown)d rejections are listed)") % {"shown": len(result.rejections)})
        for key, label in importer.COUNT_LABELS.items():
            self.stdout.write(f"{label}: {result.counts[key]}")
