"""Demo service facilities for the capacity reports.

Schools carry real Asker school names; we have no source for their capacities or exact sites, so
every capacity is demo data and every point is `at` (east, north) metres from its centre's point.
Kindergartens and care units have made-up names that say so.
"""

REAL_NAME = (
    "Navnet er en skole i Asker (ikke kontrollert mot kommunens skoleliste). Kapasiteten er "
    "demodata, og plasseringen er et omtrentlig punkt ved senteret, ikke skolens adresse."
)
DEMO_NAME = "Navn, kapasitet og plassering er demodata (omtrentlig punkt ved senteret)."

# (name, kind, centre slug, capacity, at, real name?)
FACILITIES = [
    ("Bondi skole", "school", "asker-sentrum", 450, (-300, 200), True),
    ("Billingstad skole", "school", "billingstad", 500, (-250, 350), True),
    ("Landøya ungdomsskole", "school", "holmen", 550, (-200, 300), True),
    ("Vollen ungdomsskole", "school", "vollen", 400, (-350, 150), True),
    ("Heggedal skole", "school", "heggedal", 450, (-250, -200), True),
    ("Slemmestad barneskole", "school", "slemmestad", 500, (-400, 200), True),
    ("Slemmestad ungdomsskole", "school", "slemmestad", 450, (-450, -250), True),
    ("Spikkestad skole", "school", "spikkestad", 500, (-200, -250), True),
    ("Hyggen skole", "school", "hyggen", 250, (150, -150), True),
    ("Sætre skole", "school", "saetre", 400, (-300, 250), True),
    ("Tofte skole", "school", "tofte", 350, (-300, -150), True),
    ("Barnehage på Vestre Billingstad (demo)", "kindergarten", "billingstad", 120, (-450, 150), False),
    ("Barnehage i Slemmestad (demo)", "kindergarten", "slemmestad", 100, (-300, 400), False),
    ("Barnehage i Heggedal (demo)", "kindergarten", "heggedal", 80, (200, -250), False),
    ("Barnehage på Spikkestad (demo)", "kindergarten", "spikkestad", 90, (250, -150), False),
    ("Barnehage på Sætre (demo)", "kindergarten", "saetre", 70, (-450, -100), False),
    ("Barnehage på Tofte (demo)", "kindergarten", "tofte", 60, (-150, 250), False),
    ("Barnehage på Dikemark (demo)", "kindergarten", "dikemark", 60, (-150, 200), False),
    ("Helsestasjon i Asker sentrum (demo)", "health", "asker-sentrum", None, (150, -150), False),
    ("Helse- og omsorgssenter i Slemmestad (demo)", "care", "slemmestad", 60, (-550, 0), False),
    ("Sykehjem på Sætre (demo)", "care", "saetre", 40, (-200, -300), False),
]
