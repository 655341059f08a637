from django.core.management.base import BaseCommand

from community.demo import load_demo_community


class Command(BaseCommand):
    help = "Load the demo innbyggertorg and lokalsamfunnsutvalg (after places' load_demo; safe to run again)."

    def handle(self, *args, **options):
        written = load_demo_community()
        self.stdout.write(f"Demo community data: {written} rows written.")
