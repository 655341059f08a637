"""Time and peak memory of `manage.py import_brreg` on a national-sized file.

    .venv/bin/python bench/import_brreg.py                    # 200,000 units, gzipped JSON
    .venv/bin/python bench/import_brreg.py --units 1000000 --keep /tmp/enheter.json.gz

Writes a gzipped JSON array shaped like Enhetsregisteret's enheter_alle.json.gz (each unit about
as large as a real one) with a realistic mix: nearly all in other municipalities, about 1 % in
Asker (most of those in Frivillighetsregisteret, a few deleted), some bad organisation numbers
and a few malformed elements. Fills a separate PostGIS database (`asker_bench_brreg`, recreated
each run) with the demo centres, then runs the import twice as a child process: the second run
must find everything unchanged. Prints wall time and the child's peak RSS (ru_maxrss), next to
the same command on an empty file (what Django itself takes).
"""

import argparse
import gzip
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
BENCH_DB = "asker_bench_brreg"
PG = os.environ.get("BENCH_PG", "postgis://postgres@127.0.0.1:5432")
os.environ["DATABASE_URL"] = f"{PG}/{BENCH_DB}"
os.environ.setdefault("REDIS_URL", "redis://127.0.0.1:6379/14")
os.environ["DJANGO_SETTINGS_MODULE"] = "asker.settings.test"

WEIGHTS = (3, 2, 7, 6, 5, 4, 3, 2)
ASKER_POSTCODES = [("1384", "ASKER"), ("1389", "HEGGEDAL"), ("3470", "SLEMMESTAD"), ("3481", "TOFTE"),
                   ("1390", "VOLLEN"), ("3430", "SPIKKESTAD"), ("9999", "UKJENT")]
OTHER_MUNICIPALITIES = ["0301", "4601", "5001", "1103", "3301", "3312", "3205", "3201", "3907", "1108"]


def number(rng, used, bad=False):
    """A number not used before in the file: the register lists each unit once (the importer
    lets the last of two listings win, which would make the second run differ)."""
    while True:
        first = f"{rng.randint(80000000, 99999999)}"
        remainder = sum(int(d) * w for d, w in zip(first, WEIGHTS)) % 11
        if remainder != 1 and first not in used:
            used.add(first)
            digit = 0 if remainder == 0 else 11 - remainder
            return first + str((digit + 1) % 10 if bad else digit)


def unit(rng, used, i):
    asker = rng.random() < 0.01
    postcode, town = rng.choice(ASKER_POSTCODES) if asker else (f"{rng.randint(1000, 9999)}", "ANNETSTED")
    kommune = "3203" if asker else rng.choice(OTHER_MUNICIPALITIES)
    address = {"land": "Norge", "landkode": "NO", "postnummer": postcode, "poststed": town,
               "adresse": [f"Gate {i % 300} {i % 17}"], "kommune": "KOMMUNE", "kommunenummer": kommune}
    found = {
        "organisasjonsnummer": number(rng, used, bad=rng.random() < 0.002),
        "navn": f"BENCHLAGET NR {i} AVDELING {rng.randint(1, 99)}",
        "organisasjonsform": {"kode": "FLI", "beskrivelse": "Forening/lag/innretning",
                              "_links": {"self": {"href": "https://data.brreg.no/enhetsregisteret/api/organisasjonsformer/FLI"}}},
        "hjemmeside": f"www.lag{i}.example",
        "postadresse": address,
        "registreringsdatoEnhetsregisteret": "1995-08-09",
        "registrertIMvaregisteret": False,
        "naeringskode1": {"kode": "94.991", "beskrivelse": "Aktiviteter i andre interesseorganisasjoner ikke nevnt annet sted"},
        "antallAnsatte": rng.randint(0, 20),
        "harRegistrertAntallAnsatte": True,
        "forretningsadresse": address,
        "institusjonellSektorkode": {"kode": "7000", "beskrivelse": "Ideelle organisasjoner"},
        "registrertIForetaksregisteret": False,
        "registrertIStiftelsesregisteret": False,
        "registrertIFrivillighetsregisteret": rng.random() < (0.6 if asker else 0.2),
        "konkurs": False, "underAvvikling": False, "underTvangsavviklingEllerTvangsopplosning": False,
        "maalform": "Bokmål",
        "aktivitet": ["Drive idrett, kultur og sosialt arbeid for medlemmene og lokalsamfunnet."],
        "_links": {"self": {"href": f"https://data.brreg.no/enhetsregisteret/api/enheter/{i}"}},
    }
    if rng.random() < 0.05:
        found["slettedato"] = "2024-01-01"
    return found


def write_file(path, units):
    rng, used = random.Random(3203), set()
    with gzip.open(path, "wt", encoding="utf-8", compresslevel=6) as f:
        f.write("[\n")
        for i in range(units):
            if i:
                f.write(",\n")
            if i % 50_000 == 25_000:
                f.write('{"organisasjonsnummer": "ødelagt", "navn": }')  # a malformed element
            else:
                f.write(json.dumps(unit(rng, used, i), ensure_ascii=False))
        f.write("\n]\n")


def recreate_database():
    import psycopg

    dsn = PG.replace("postgis://", "postgresql://") + "/postgres"
    with psycopg.connect(dsn, autocommit=True) as conn:
        conn.execute(f"DROP DATABASE IF EXISTS {BENCH_DB}")
        conn.execute(f"CREATE DATABASE {BENCH_DB}")


def fill():
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    call_command("load_demo", verbosity=0)


def timed_import(path):
    """Wall time, the child's peak RSS in MiB, and its output."""
    started = time.perf_counter()
    done = subprocess.run([sys.executable, str(ROOT / "manage.py"), "import_brreg", str(path)],
                          capture_output=True, text=True, env=os.environ, cwd=ROOT)
    elapsed = time.perf_counter() - started
    if done.returncode:
        sys.exit(done.stderr)
    # ru_maxrss (KiB on Linux) is the largest of all children waited for so far: runs go from
    # smallest to largest, so each reading is that run's own.
    return elapsed, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024, done.stdout


TRACED = """
import sys, tracemalloc
import django
django.setup()
from volunteering import importer
tracemalloc.start()
importer.import_file(sys.argv[1])
print(tracemalloc.get_traced_memory()[1])
"""


def traced_peak(path):
    """tracemalloc's peak over the import alone (slower, so not timed)."""
    done = subprocess.run([sys.executable, "-c", TRACED, str(path)], capture_output=True, text=True,
                          env=os.environ, cwd=ROOT, check=True)
    return int(done.stdout.split()[-1])


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--units", type=int, default=200_000)
    parser.add_argument("--keep", help="write the generated file here and keep it")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(args.keep or Path(tmp) / "enheter_alle.json.gz")
        empty = Path(tmp) / "empty.json"
        empty.write_text("[]")
        started = time.perf_counter()
        write_file(path, args.units)
        print(f"wrote {args.units:,} units, {path.stat().st_size / 2**20:.1f} MiB gzipped, "
              f"{sum(len(b) for b in _chunks(path)) / 2**20:.0f} MiB of JSON, in {time.perf_counter() - started:.1f} s")
        recreate_database()
        fill()
        base_time, base_rss, _ = timed_import(empty)
        print(f"empty file:  {base_time:6.1f} s, peak RSS {base_rss:6.1f} MiB (Django alone)")
        for run in ("first run", "second run"):
            elapsed, rss, out = timed_import(path)
            counts = ", ".join(line.strip() for line in out.splitlines())
            print(f"{run}:  {elapsed:6.1f} s, peak RSS {rss:6.1f} MiB, {args.units / elapsed:,.0f} units/s\n  {counts}")
        print(f"third run, Python allocations traced: peak {traced_peak(path) / 2**20:.1f} MiB during the import itself")


def _chunks(path):
    with gzip.open(path, "rb") as f:
        while chunk := f.read(1 << 20):
            yield chunk


if __name__ == "__main__":
    main()
