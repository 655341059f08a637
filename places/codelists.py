"""National code lists for zoning plans (SOSI plan code lists, Geonorge register).

Labels are the official Norwegian ones; they are names in a national register, so they are not
translated.
"""

PLANTYPE_CHOICES = [
    (4, "Statlig arealplan"),
    (10, "Fylkesplanens arealdel"),
    (11, "Fylkesdelplan"),
    (12, "Regionalplan"),
    (20, "Kommuneplanens arealdel"),
    (21, "Kommunedelplan"),
    (22, "Mindre endring av kommune(del)plan"),
    (30, "Eldre reguleringsplan"),
    (31, "Mindre reguleringsendring"),
    (32, "Bebyggelsesplan ihht. reguleringsplan"),
    (33, "Bebyggelsesplan ihht. kommuneplanens arealdel"),
    (34, "Områderegulering"),
    (35, "Detaljregulering"),
]
PLANSTATUS_CHOICES = [
    (1, "Planlegging igangsatt"),
    (2, "Planforslag"),
    (3, "Endelig vedtatt arealplan"),
    (4, "Opphevet"),
    (5, "Utgått/erstattet"),
    (6, "Vedtatt plan med utsatt rettsvirkning"),
    (8, "Overstyrt"),
]
PLANTYPE_CODES = [code for code, _ in PLANTYPE_CHOICES]
PLANSTATUS_CODES = [code for code, _ in PLANSTATUS_CHOICES]

# Which national plan types a statutory kind of plan may carry. Feasibility studies and
# thematic plans are not arealplaner and carry none.
PLANTYPE_FOR_KIND = {
    "kommuneplan": (20, 22),
    "kommunedelplan": (21, 22),
    "omraderegulering": (34, 31),
    "detaljregulering": (35, 31, 30),
}
