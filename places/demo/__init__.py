"""The Asker demo data set: the data files under data/, their sources in SOURCES.md, and the
idempotent loader behind `manage.py load_demo`."""
