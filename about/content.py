"""Facts the statements and the contact page give that no setting holds: when the accessibility
statement was last revised, what the automatic tests run, and the municipality's contact details
(with whether each was checked against a public source)."""

from datetime import date
from pathlib import Path

from django.conf import settings
from django.utils.translation import gettext_lazy as _

# Revise this date whenever the accessibility statement's content changes.
STATEMENT_UPDATED = date(2026, 11, 30)
PRIVACY_UPDATED = date(2026, 11, 30)

_VERSIONS = Path(settings.BASE_DIR) / "static" / "vendor" / "VERSIONS"


def axe_version():
    """The axe-core release the browser tests inject, as static/vendor/VERSIONS records it."""
    try:
        for line in _VERSIONS.read_text(encoding="utf-8").splitlines():
            if line.startswith("axe-core "):
                return line.split()[1]
    except OSError:
        pass
    return ""


# "checked": the value appears on asker.kommune.no (the postal address on the municipality's
# page for the 2021–2024 action programme consultation). Not checked: a likely value, shown
# marked as an example until someone at the municipality confirms it.
CONTACT = [
    {"label": _("Website"), "value": "www.asker.kommune.no", "href": "https://www.asker.kommune.no/", "checked": True},
    {"label": _("Postal address"), "value": "Asker kommune, Katrineåsveien 20, 3440 Røyken", "href": "", "checked": True},
    {"label": _("E-mail"), "value": "postmottak@asker.kommune.no", "href": "mailto:postmottak@asker.kommune.no",
     "checked": False},
    {"label": _("Telephone"), "value": "66 90 00 00", "href": "tel:+4766900000", "checked": False},
]
