from django.core.management.base import BaseCommand

from events.demo import load_demo_events


class Command(BaseCommand):
    help = "Load demo events (after places' load_demo; safe to run again)."

    def handle(self, *args, **options):
        made = load_demo_events()
        self.stdout.write(f"Demo events: {made} new.")
