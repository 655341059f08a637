from django.core.management.base import BaseCommand

from stedskompasset.demo import load_demo_stedskompasset


class Command(BaseCommand):
    help = "Load demo Stedskompasset rounds and generated responses (after places' load_demo; safe to run again)."

    def handle(self, *args, **options):
        made = load_demo_stedskompasset()
        self.stdout.write(f"Demo Stedskompasset rounds: {made} new.")
