"""Demo development projects, from the municipality's presentation and the public sources in
data/asker-projects.csv.

Geometry: `at` is (east, north) metres from the centre's point and `size` (width, height) metres
of a box clipped to the municipality. The real sites are not known to us, so every area and point
is approximate. Phases are (number, name, dwellings, start year, finish year); where a source
gives no split or no years, they are ours, and the project is marked is_demo. A project with no
flats, terraced or detached key has an unknown number of dwellings (None in its phases too).
"""

PRESENTATION = "Asker kommunes presentasjon «Nye Asker» (lysbilder)"

DEVELOPERS = {
    "ferd": "Ferd AS",
    "jm-norge": "JM Norge AS",
    "gagnum": "Gagnum",
    "af-gruppen": "AF Gruppen",
    "eiendomsplan": "Eiendomsplan",
    "sandekra": "Sandekra AS",
    "citycon": "Citycon AS",
    "storebrand-eiendom": "Storebrand Eiendom",
    "tandberg-eiendom": "Tandberg Eiendom",
    "selvaag": "Selvaag",
    "conceptor": "Conceptor Eiendomsutvikling",
    "oslo-kommune": "Oslo kommune",
    "spikkestad-omradeforum": "Spikkestad Områdeforum",
    "svelviksand": "Svelviksand AS",
}

_DEMO_PHASES = "Fordelingen på byggetrinn og årstallene er demodata."
_FERD = "https://ferd.no/eiendom/nyheter/store-boligplaner-pa-billingstad"
_BYGG_JM = "https://www.bygg.no/jm-starter-byggingen-av-askers-storste-boligutviklingsprosjekt/1377791!/"
_SPOR = "https://www.spor.no/prosjekt/bergerl%C3%B8kka"
_VESTRE_BILLINGSTAD = (
    f"Vestre Billingstad: {PRESENTATION} (4 utbyggere, 1 650 boliger, nærsenter og barnehage); "
    f"{_FERD} (ca. 1 650 boliger); {_SPOR} (ca. 1 600 boliger, regulering vedtatt januar 2018)."
)

PROJECTS = [
    {
        "slug": "elvegarden",
        "name": "Elvegården",
        "centre": "billingstad",
        "plan": "3203DEMO03",
        "developers": ["ferd"],
        "status": "planning",
        "flats": 412,
        "sdg_goals": [11],
        "at": (-600, 0), "size": (220, 160),
        "description": "412 leiligheter på tomten til «H-blokken» i Bergerveien 12 på Vestre Billingstad.",
        "source": (
            f"{PRESENTATION}: «Elvegården», Ferd AS, 412 leiligheter. {_FERD}: 412 leiligheter "
            "(86 under 50 m², 236 på 50–80 m², 90 over 80 m²); tomten kjøpt fra KLP Eiendom høsten 2015. "
            "Ferd presenterte i 2024 Kobberkvartalet (ca. 420 leiligheter, HRTB arkitekter) på samme sted; "
            f"at det er samme prosjekt er vår slutning. {_VESTRE_BILLINGSTAD} {_DEMO_PHASES}"
        ),
        "phases": [(1, "Byggetrinn 1", 206, 2026, 2029), (2, "Byggetrinn 2", 206, 2029, 2032)],
    },
    {
        "slug": "billingstad-torg",
        "name": "Billingstad Torg",
        "centre": "billingstad",
        "plan": "3203DEMO03",
        "developers": ["jm-norge"],
        "architect": "SPOR arkitekter",
        "status": "under_construction",
        "flats": 573,
        "sdg_goals": [11],
        "at": (-300, 250), "size": (240, 180),
        "description": "JM Norges boligprosjekt på Vestre Billingstad, bygget ut i flere byggetrinn.",
        "source": (
            f"{PRESENTATION}: «Billingstad Torg», JM Norge AS, 573 leiligheter. Navnet er ikke funnet i "
            f"offentlige kilder; JMs prosjekt her heter Bergerløkka. {_SPOR}: BT1 ferdig 2020, BT2 ferdig "
            f"2022, BT4 start 1. kvartal 2023, BT5 forprosjekt 2023; BT1+BT2+BT4 = 360 boliger. {_BYGG_JM}: "
            f"JMs andel 570 boliger. {_VESTRE_BILLINGSTAD} Fordelingen av boliger på byggetrinn og "
            "startårene er demodata."
        ),
        "phases": [
            (1, "Byggetrinn 1", 120, 2018, 2020),
            (2, "Byggetrinn 2", 120, 2020, 2022),
            (4, "Byggetrinn 4", 120, 2023, 2025),
            (5, "Byggetrinn 5", 213, 2025, 2028),
        ],
    },
    {
        "slug": "berger-naersenter",
        "name": "Berger nærsenter",
        "centre": "billingstad",
        "plan": "3203DEMO03",
        "developers": ["gagnum", "jm-norge"],
        "status": "planning",
        "kindergarten": True,
        "local_centre": True,
        "sdg_goals": [3, 11],
        "at": (-350, -50), "size": (140, 120),
        "description": "Nærsenter for Vestre Billingstad.",
        "source": (
            f"{PRESENTATION}: «Berger nærsenter», Gagnum/JM Norge AS. Ikke bekreftet i offentlige kilder "
            "(data/asker-projects.csv). Presentasjonen nevner barnehage for Vestre Billingstad; at den "
            f"ligger i dette prosjektet er demodata. {_VESTRE_BILLINGSTAD} {_DEMO_PHASES}"
        ),
        "phases": [(1, "Nærsenter og barnehage", None, 2027, 2029)],
    },
    {
        "slug": "bergerhagen",
        "name": "Bergerhagen",
        "centre": "billingstad",
        "plan": "3203DEMO03",
        "developers": ["af-gruppen", "eiendomsplan"],
        "status": "planning",
        "flats": 148,
        "terraced": 50,
        "sdg_goals": [11],
        "at": (-650, 300), "size": (200, 150),
        "description": "50 rekkehus og 148 leiligheter på Vestre Billingstad.",
        "source": (
            f"{PRESENTATION}: «Bergerhagen», AF, Eiendomsplan mfl., 50 rekkehus og 148 leiligheter. "
            f"Ikke bekreftet i offentlige kilder (data/asker-projects.csv). {_VESTRE_BILLINGSTAD} {_DEMO_PHASES}"
        ),
        "phases": [(1, "Rekkehus", 50, 2026, 2028), (2, "Leiligheter", 148, 2028, 2031)],
    },
    {
        "slug": "neselva-hageby",
        "name": "Neselva Hageby",
        "centre": "billingstad",
        "plan": "3203DEMO03",
        "developers": ["sandekra"],
        "architect": "Tom Edvardsen Arkitekter",
        "status": "under_construction",
        "flats": 422,
        "sdg_goals": [6, 11],
        "at": (-200, -300), "size": (260, 160),
        "description": "Boligprosjekt på Vestre Billingstad; byggetrinn 1 har sju blokker på fire til seks etasjer.",
        "source": (
            f"{PRESENTATION}: «Neselva Hageby», Sandekra AS, 422 leiligheter (ikke bekreftet i offentlige "
            "kilder). https://www.bygg.no/neselva-hageby/1443278!/: byggetrinn 1 med sju blokker, "
            "10 085 m² BTA bolig, byggestart januar 2019, totalentreprenør Alento. "
            f"{_VESTRE_BILLINGSTAD} Antall boliger per byggetrinn og sluttårene er demodata."
        ),
        "phases": [(1, "Byggetrinn 1", 135, 2019, 2021), (2, "Byggetrinn 2", 287, 2022, 2026)],
    },
    {
        "slug": "plussbyen-slemmestad",
        "name": "Plussbyen Slemmestad",
        "centre": "slemmestad",
        "plan": "3203DEMO02",
        "status": "under_construction",
        "flats": 1500,
        "sdg_goals": [7, 11, 13],
        "at": (-400, -200), "size": (900, 700),
        "description": (
            "Nye boliger på den tidligere sementfabrikktomten, Vaterland og Tåje, og utvidelse av "
            "Rortunet med 121 leiligheter på taket."
        ),
        "source": (
            f"{PRESENTATION}: 1 500 nye boliger i Slemmestad. Offentlig kilde "
            "https://www.asker.kommune.no/nye-asker-kommune/asker2020/plussbyen-slemmestad/ oppgir 1 300 "
            "boliger og at områdeplanen ble vedtatt av Røyken kommunestyre i september 2017; Rortunet "
            f"tegnet av Halvorsen og Reine. Demoen bruker presentasjonens tall. {_DEMO_PHASES}"
        ),
        "phases": [
            (1, "Byggetrinn 1", 300, 2018, 2022),
            (2, "Byggetrinn 2", 400, 2022, 2026),
            (3, "Byggetrinn 3", 400, 2026, 2030),
            (4, "Byggetrinn 4", 400, 2030, 2035),
        ],
    },
    {
        "slug": "sagene-tofte",
        "name": "Sagene, Tofte",
        "centre": "tofte",
        "plan": "",  # a plan record is public, so a confidential project links to none
        "status": "idea",
        "visibility": "confidential",
        "flats": 550,
        "local_centre": True,
        "marina": True,
        "sdg_goals": [11, 14],
        "at": (-300, 300), "size": (500, 400),
        "description": "550 boliger fordelt på flere byggetrinn, servicesenter og småbåthavn.",
        "source": (
            f"{PRESENTATION}, lysbilde merket KONFIDENSIELT: 550 boliger fordelt på flere byggetrinn, "
            "servicesenter, småbåthavn mm. Ikke bekreftet i offentlige kilder. Boligtypene, "
            "byggetrinnene og årstallene er demodata."
        ),
        "phases": [
            (1, "Byggetrinn 1", 150, 2027, 2030),
            (2, "Byggetrinn 2", 200, 2030, 2033),
            (3, "Byggetrinn 3", 200, 2033, 2036),
        ],
    },
    {
        "slug": "holmen-sentrum",
        "name": "Holmen sentrum",
        "centre": "holmen",
        "plan": "3203DEMO11",
        "developers": ["citycon", "storebrand-eiendom"],
        "architect": "Ghilardi+Hellsten Arkitekter",
        "status": "planning",
        "local_centre": True,
        "sdg_goals": [11],
        "at": (150, 150), "size": (300, 250),
        "description": (
            "Om lag 26 500 m² nytt areal for handel, boliger og byrom ved Holmen senter; avhenger av "
            "omlegging av E18 og Slemmestadveien."
        ),
        "source": (
            f"{PRESENTATION}: Holmen sentrum, Citycon AS, Ghilardi+Hellsten Arkitekter. "
            "https://ghilardihellsten.no/prosjekter/holmen/ og http://prodecon.no/project/holmen-asker/: "
            "Citycon og Storebrand Eiendom, 26 500 m² (handel, boliger, byrom), mulighetsstudie fra 2014. "
            "Antall boliger er ikke kjent. Årstallene er demodata."
        ),
        "phases": [(1, "Utvidelse av Holmen senter", None, 2026, 2030)],
    },
    {
        "slug": "spikkestad-sentrum",
        "name": "Spikkestad sentrum",
        "centre": "spikkestad",
        "plan": "3203DEMO04",
        "developers": ["spikkestad-omradeforum"],
        "status": "idea",
        "local_centre": True,
        "sdg_goals": [6, 11],
        "at": (0, 150), "size": (400, 300),
        "description": (
            "Mulighetsstudie for bystruktur, gater, plasser og bruk av første etasje. Videre utbygging "
            "venter på avklaring av vann- og avløpskapasiteten."
        ),
        "source": (
            f"{PRESENTATION}: mulighetsstudie for Spikkestad sentrum i regi av utbyggere/eiere; temaplan "
            "for vann og vannmiljø. https://oslometropolitanarea.no/oma-etablerer-spikkestad-omradeforum/: "
            "Spikkestad Områdeforum (de største grunneierne). Antall boliger er ikke kjent. "
            "Årstallene er demodata."
        ),
        "phases": [(1, "Mulighetsstudie og masterplan", None, 2024, 2026)],
    },
    {
        "slug": "saetre-sentrum",
        "name": "Sætre sentrum",
        "centre": "saetre",
        "plan": "3203DEMO10",
        "developers": ["conceptor"],
        "architect": "Halvorsen og Reine",
        "status": "under_construction",
        "local_centre": True,
        "sdg_goals": [11, 14],
        "at": (-150, 50), "size": (300, 200),
        "description": "Kompakt sentrum og fjordpromenade på et planområde på om lag 6 hektar.",
        "source": (
            f"{PRESENTATION}: stor utbygging på Sætre siste 5 år. https://www.dronninga.com/prosjekter/"
            "byplan/saetre/: reguleringsplan på 6 ha for kompakt sentrum og fjordpromenade (2014), "
            "oppdragsgiver Conceptor Eiendomsutvikling, landskap Dronninga; no.wikipedia.org/wiki/Sætre_(Asker). "
            "Antall boliger er ikke kjent. Status og årstall er demodata."
        ),
        "phases": [(1, "Sentrumsutvikling", None, 2016, 2026)],
    },
    {
        "slug": "dikemark",
        "name": "Dikemark",
        "centre": "dikemark",
        "plan": "3203DEMO08",
        "developers": ["oslo-kommune"],
        "status": "planning",
        "flats": 1200,
        "sdg_goals": [3, 11, 15],
        "at": (200, 200), "size": (800, 600),
        "description": (
            "Inntil 1 200 nye boliger, 250–350 av dem i eksisterende bygg på sykehusområdet. "
            "Vinnerutkastet i den internasjonale arkitektkonkurransen heter «Kaleidoscope»."
        ),
        "source": (
            "https://www.asker.kommune.no/asker-mot-2030/stedsutvikling/dikemark/: inntil 1 200 nye "
            "boliger, 250–350 i eksisterende bygg; Oslo kommune eier grunnen og Oslo universitetssykehus "
            "byggene, Asker er planmyndighet. Boligtypene (alle som leiligheter), byggetrinnene og "
            "årstallene er demodata."
        ),
        "phases": [
            (1, "Boliger i eksisterende bygg", 300, 2028, 2032),
            (2, "Nye boliger, trinn 1", 450, 2030, 2035),
            (3, "Nye boliger, trinn 2", 450, 2034, 2040),
        ],
    },
    {
        "slug": "heggedal-torg",
        "name": "Heggedal torg",
        "centre": "heggedal",
        "plan": "3203DEMO09",
        "developers": ["tandberg-eiendom"],
        "status": "under_construction",
        "flats": 139,
        "local_centre": True,
        "sdg_goals": [11],
        "at": (100, 100), "size": (250, 200),
        "description": "Torg med rundt 20 butikker, boliger og innbyggertorg (åpnet i februar 2021).",
        "source": (
            "https://www.asker.kommune.no/asker-mot-2030/stedsutvikling/heggedal/: rundt 20 butikker, "
            "om lag 150 boliger (BT1 75 leiligheter og BT2 64 leiligheter), innbyggertorg åpnet februar "
            "2021; Tandberg Eiendom (illustrasjon JM Norge). Status og årstall er demodata."
        ),
        "phases": [(1, "Byggetrinn 1", 75, 2018, 2021), (2, "Byggetrinn 2", 64, 2021, 2025)],
    },
    {
        "slug": "hon-landas",
        "name": "Høn/Landås",
        "centre": "hon",
        "plan": "3203DEMO07",
        "developers": ["selvaag"],
        "status": "planning",
        "flats": 1500,
        "kindergarten": True,
        "local_centre": True,
        "sdg_goals": [4, 11],
        "at": (-300, -200), "size": (700, 500),
        "description": "Om lag 1 500 boliger, ny skole og nærsenter.",
        "source": (
            "https://www.asker.kommune.no/styringsdokumenter/handlingsprogram-2017-2020/samfunn/"
            "tettsteder-og-knutepunkter/: om lag 1 500 boliger, ny skole og nærsenter; områderegulering "
            "planlagt vedtatt 2017; Selvaag med flere. Boligtypene (alle som leiligheter), barnehagen, "
            "byggetrinnene og årstallene er demodata."
        ),
        "phases": [
            (1, "Byggetrinn 1", 500, 2025, 2029),
            (2, "Byggetrinn 2", 500, 2029, 2033),
            (3, "Byggetrinn 3", 500, 2033, 2037),
        ],
    },
    {
        "slug": "svelviksand-verket",
        "name": "Svelviksand, Verket",
        "centre": "verket",
        "plan": "3203DEMO12",
        "developers": ["svelviksand"],
        "status": "planning",
        "flats": 0,  # not a housing project: none, not unknown
        "sdg_goals": [9, 12, 14],
        "at": (-500, 200), "size": (600, 400),
        "description": (
            "Sandtak, ny havn og næringsutvikling: mottak og foredling av overskuddsmasser sjøveien, "
            "med ny lekterkai foreslått i Dramstadbukta."
        ),
        "source": (
            f"{PRESENTATION}: Verket – Svelviksand (sandtak, ny havn, næringsutvikling). "
            "https://geo365.no/vil-lose-store-masse-utfordringer, https://www.bygg.no/svelviksand-satser-"
            "stort-pa-foredling-av-overskuddsmasser/1475022!/ og https://www.rha.no/verket-kan-bli-"
            "ostlandets-nye-dumpingplass-for-stein/o/5-70-331120: om lag 800 000 tonn sand og grus i året, "
            "kunngjort september 2021, lokal motstand. Ikke et boligprosjekt. Plasseringen er svært "
            "omtrentlig; årstallene er demodata."
        ),
        "phases": [(1, "Ny kai og massemottak", 0, 2025, 2028)],
    },
]
