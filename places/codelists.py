"""National code lists for zoning plans (SOSI plan code lists, Geonorge register).

The bokmål translations are the official names in the register (the catalogue holds them); the
English names are ours, so an English page reads "Detailed zoning plan", not "Detaljregulering".
"""

from django.utils.translation import gettext_lazy as _

PLANTYPE_CHOICES = [
    (4, _("National land-use plan")),
    (10, _("County plan, land-use part")),
    (11, _("County sub-plan")),
    (12, _("Regional plan")),
    (20, _("Municipal master plan (land use)")),
    (21, _("Municipal sub-plan")),
    (22, _("Minor amendment to a municipal (sub-)plan")),
    (30, _("Older zoning plan")),
    (31, _("Minor zoning amendment")),
    (32, _("Building plan under a zoning plan")),
    (33, _("Building plan under the land-use part of the municipal master plan")),
    (34, _("Area zoning plan")),
    (35, _("Detailed zoning plan")),
]
PLANSTATUS_CHOICES = [
    (1, _("Planning started")),
    (2, _("Plan proposal")),
    (3, _("Finally adopted land-use plan")),
    (4, _("Revoked")),
    (5, _("Expired or replaced")),
    (6, _("Adopted plan with deferred legal effect")),
    (8, _("Overridden")),
]
PLANTYPE_CODES = [code for code, _label in PLANTYPE_CHOICES]
PLANSTATUS_CODES = [code for code, _label in PLANSTATUS_CHOICES]

# Which national plan types a statutory kind of plan may carry. Feasibility studies and
# thematic plans are not arealplaner and carry none.
PLANTYPE_FOR_KIND = {
    "kommuneplan": (20, 22),
    "kommunedelplan": (21, 22),
    "omraderegulering": (34, 31),
    "detaljregulering": (35, 31, 30),
}
