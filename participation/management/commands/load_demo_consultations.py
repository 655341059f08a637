from django.core.management.base import BaseCommand

from participation.demo import load_demo_consultations


class Command(BaseCommand):
    help = "Load demo consultations and comments (after places' load_demo; safe to run again)."

    def handle(self, *args, **options):
        made = load_demo_consultations()
        self.stdout.write(f"Demo consultations: {made} new.")
