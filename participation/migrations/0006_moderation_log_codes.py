"""The moderation log as codes: the sentences the system wrote into `note` (in whatever language
the request that caused them was in) become parameters, worded when the entry is read.

Nothing is deleted, and no row is added: the log is append-only. A system sentence is kept in
`legacy_text` (exactly as stored); when a code can be read from it, the parameters say the same
in any language, otherwise the page shows the stored sentence. A person's note is left alone.
"""

import re

from django.db import migrations, models

# The sentences the portal has written for an automatic hiding, in bokmål and English.
FLAGGED = [re.compile(r"^\s*Skjult etter rapporter fra (\d+) personer?\s*\.?\s*$", re.IGNORECASE),
           re.compile(r"^\s*Hidden after flags from (\d+) (?:people|persons?)\s*\.?\s*$", re.IGNORECASE)]
# The note the demo data put on its own approvals (participation/demo.py).
DEMO_NOTE = "Demodata"


def to_codes(apps, schema_editor):
    Entry = apps.get_model("participation", "ModerationAction")
    # Every automatic hiding was written by the system, so its note is never a person's words.
    for entry in Entry.objects.filter(action="auto_hidden").exclude(note="").only("pk", "note").iterator():
        params = {}
        for pattern in FLAGGED:
            found = pattern.match(entry.note)
            if found:
                params = {"flaggers": int(found.group(1))}
                break
        Entry.objects.filter(pk=entry.pk).update(params=params, legacy_text=entry.note, note="")
    # The demo's approvals have no actor; a moderator whose account is gone has none either,
    # so only the demo's exact note is taken for the demo's.
    Entry.objects.filter(action="approved", actor__isnull=True, note=DEMO_NOTE).update(
        params={"source": "demo"}, legacy_text=DEMO_NOTE, note="")


def to_sentences(apps, schema_editor):
    Entry = apps.get_model("participation", "ModerationAction")
    for entry in Entry.objects.exclude(legacy_text="").only("pk", "legacy_text").iterator():
        Entry.objects.filter(pk=entry.pk).update(note=entry.legacy_text)


class Migration(migrations.Migration):

    dependencies = [
        ("participation", "0005_consultation_bounds"),
    ]

    operations = [
        migrations.AddField(
            model_name="moderationaction",
            name="params",
            field=models.JSONField(blank=True, default=dict, verbose_name="details"),
        ),
        migrations.AddField(
            model_name="moderationaction",
            name="legacy_text",
            field=models.TextField(blank=True, verbose_name="earlier text"),
        ),
        migrations.RunPython(to_codes, to_sentences),
    ]
