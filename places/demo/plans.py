"""Demo plans (arealplaner and non-statutory studies).

Plan IDs are "3203" + "DEMO" + a serial: clearly not the municipality's own plan identifiers,
which we do not have. `area` is either "municipality" or (east, north, width, height) in metres
around the centre's point, clipped to the municipality.
"""

import datetime

from .projects import PRESENTATION

DEMO_ID = (
    "Plan-ID-en er en demo-ID (3203 + DEMO + løpenummer), ikke kommunens planidentifikasjon, "
    "og avgrensningen er en omtrentlig firkant rundt senteret."
)

PLANS = [
    {
        "plan_id": "3203DEMO01",
        "name": "Kommuneplanens arealdel for Asker",
        "kind": "kommuneplan", "plan_type": 20, "plan_status": 2,
        "centre": "asker-sentrum",
        "area": "municipality",
        "description": (
            "Arealdelen av kommuneplanen for nye Asker: ett kommunesenter, ni lokalsentre og 26 nærsentre, "
            "med langsiktig befolkningsvekst på 1,1 % i året som planforutsetning."
        ),
        "source": (
            f"{PRESENTATION} (senterstruktur, vekst 1,1 %). Plan-ID-en er en demo-ID, og planstatus er "
            "demodata. Avgrensningen er kommunegrensen (© Kartverket)."
        ),
    },
    {
        "plan_id": "3203DEMO02",
        "name": "Områderegulering for Slemmestad sentrum",
        "kind": "omraderegulering", "plan_type": 34, "plan_status": 3,
        # The source gives the month only; the first of the month stands in for the day.
        "adopted": datetime.date(2017, 9, 1),
        "centre": "slemmestad",
        "area": (-300, -100, 1400, 1100),
        "description": "Områdeplan for Plussbyen Slemmestad, vedtatt av Røyken kommunestyre i september 2017.",
        "source": (
            "https://www.asker.kommune.no/nye-asker-kommune/asker2020/plussbyen-slemmestad/ (vedtatt "
            f"september 2017; dagen i datoen er demodata). {DEMO_ID}"
        ),
    },
    {
        "plan_id": "3203DEMO03",
        "name": "Regulering for Vestre Billingstad",
        "kind": "omraderegulering", "plan_type": 34, "plan_status": 3,
        "adopted": datetime.date(2018, 1, 1),
        "centre": "billingstad",
        "area": (-400, 0, 900, 900),
        "description": (
            "Regulering av det tidligere nærings- og kontorområdet på Vestre Billingstad til boliger, "
            "nærsenter og barnehage."
        ),
        "source": (
            "https://www.spor.no/prosjekt/bergerl%C3%B8kka: regulering vedtatt januar 2018 (dagen i "
            "datoen er demodata). At planen er en områderegulering er vår antakelse. "
            f"{DEMO_ID}"
        ),
    },
    {
        "plan_id": "3203DEMO04",
        "name": "Mulighetsstudie for Spikkestad sentrum",
        "kind": "mulighetsstudie", "plan_type": None, "plan_status": None,
        "centre": "spikkestad",
        "area": (0, 100, 900, 700),
        "description": (
            "Bystruktur, gater, plasser og arealbruk i første etasje, utarbeidet i regi av utbyggere og "
            "eiere, som grunnlag for den eksisterende områdeplanen."
        ),
        "source": (
            f"{PRESENTATION}; https://oslometropolitanarea.no/oma-etablerer-spikkestad-omradeforum/. {DEMO_ID}"
        ),
    },
    {
        "plan_id": "3203DEMO05",
        "name": "Temaplan for vann og vannmiljø",
        "kind": "temaplan", "plan_type": None, "plan_status": None,
        "centre": "spikkestad",
        "area": "municipality",
        "description": (
            "Temaplan som sammen med pågående utredninger skal avklare rensekapasiteten, blant annet "
            "for Spikkestad."
        ),
        "source": f"{PRESENTATION} (lysbildet om Spikkestad). Plan-ID-en er en demo-ID.",
    },
    {
        "plan_id": "3203DEMO06",
        "name": "Kommunedelplan for E134",
        "kind": "kommunedelplan", "plan_type": 21, "plan_status": 2,
        "centre": "spikkestad",
        "area": (1500, -500, 4000, 1500),
        "description": "Kommunedelplan for ny E134 gjennom Røyken, fulgt av detaljregulering.",
        "source": f"{PRESENTATION} (lysbildet om Spikkestad). Planstatus og korridor er demodata. {DEMO_ID}",
    },
    {
        "plan_id": "3203DEMO07",
        "name": "Områderegulering for Høn–Landås",
        "kind": "omraderegulering", "plan_type": 34, "plan_status": 2,
        "centre": "hon",
        "area": (-300, -200, 1200, 900),
        "description": "Om lag 1 500 boliger, ny skole og nærsenter.",
        "source": (
            "https://www.asker.kommune.no/styringsdokumenter/handlingsprogram-2017-2020/samfunn/"
            f"tettsteder-og-knutepunkter/ (planlagt vedtatt 2017). Planstatus er demodata. {DEMO_ID}"
        ),
    },
    {
        "plan_id": "3203DEMO08",
        "name": "Områderegulering for Dikemark",
        "kind": "omraderegulering", "plan_type": 34, "plan_status": 1,
        "centre": "dikemark",
        "area": (200, 200, 1400, 1100),
        "description": "Regulering etter den internasjonale arkitektkonkurransen (vinnerutkast «Kaleidoscope»).",
        "source": (
            "https://www.asker.kommune.no/asker-mot-2030/stedsutvikling/dikemark/. Plantype og planstatus "
            f"er demodata. {DEMO_ID}"
        ),
    },
    {
        "plan_id": "3203DEMO09",
        "name": "Områderegulering for Heggedal sentrum",
        "kind": "omraderegulering", "plan_type": 34, "plan_status": 3,
        "centre": "heggedal",
        "area": (0, 0, 900, 700),
        "description": "Nytt torg, butikker, boliger og innbyggertorg i Heggedal.",
        "source": (
            "https://www.asker.kommune.no/asker-mot-2030/stedsutvikling/heggedal/. Plantype og planstatus "
            f"er demodata. {DEMO_ID}"
        ),
    },
    {
        "plan_id": "3203DEMO10",
        "name": "Detaljregulering for Sætre sentrum",
        "kind": "detaljregulering", "plan_type": 35, "plan_status": 3,
        "centre": "saetre",
        "area": (-150, 50, 300, 200),
        "description": "Reguleringsplan på om lag 6 hektar for et kompakt sentrum og fjordpromenade.",
        "source": (
            "https://www.dronninga.com/prosjekter/byplan/saetre/ (planarbeid 2014). Plantype og planstatus "
            f"er demodata. {DEMO_ID}"
        ),
    },
    {
        "plan_id": "3203DEMO11",
        "name": "Detaljregulering for Holmen sentrum",
        "kind": "detaljregulering", "plan_type": 35, "plan_status": 1,
        "centre": "holmen",
        "area": (150, 150, 600, 500),
        "description": (
            "Utvidelse av Holmen senter med handel, boliger og byrom; avhenger av omlegging av E18 og "
            "Slemmestadveien."
        ),
        "source": (
            f"https://ghilardihellsten.no/prosjekter/holmen/. Plantype og planstatus er demodata. {DEMO_ID}"
        ),
    },
    {
        "plan_id": "3203DEMO12",
        "name": "Detaljregulering for Svelviksand, Verket",
        "kind": "detaljregulering", "plan_type": 35, "plan_status": 1,
        "centre": "verket",
        "area": (-500, 200, 1000, 700),
        "description": "Sandtak, ny havn og mottak av overskuddsmasser sjøveien.",
        "source": (
            f"{PRESENTATION}; https://geo365.no/vil-lose-store-masse-utfordringer. Plantype og "
            f"planstatus er demodata. {DEMO_ID}"
        ),
    },
]
