"""What each app holds about a person, for the "my data" export (participation/data.py).

An app that keeps personal data registers a function in its AppConfig.ready():
`personaldata.register("stedskompasset", export_user_data)`; the export then carries its
JSON-ready answer under that name. One list, so no app reaches into another's models.
"""

_SOURCES = {}


def register(name, export):
    _SOURCES[name] = export


def collect(user):
    """{name: export(user)} for every registered app, in the order of their names."""
    return {name: _SOURCES[name](user) for name in sorted(_SOURCES)}
