"""Dwelling figures as a resident reads them: a project's number may be unknown, and a total over
several projects says how many it could not count ("1 605 (unknown for 2 projects)") instead of
counting them as 0."""

from dataclasses import dataclass


@dataclass
class DwellingCount:
    """Dwellings over some projects: `known` added up, `unknown` projects without a number."""

    projects: int = 0
    known: int = 0
    unknown: int = 0

    @classmethod
    def of(cls, projects):
        count = cls()
        for project in projects:
            count.add(project.dwellings_total)
        return count

    def add(self, dwellings):
        """Count one project whose dwellings are `dwellings` (None when unknown)."""
        self.projects += 1
        if dwellings is None:
            self.unknown += 1
        else:
            self.known += dwellings

    def __add__(self, other):
        return DwellingCount(self.projects + other.projects, self.known + other.known, self.unknown + other.unknown)

    @property
    def all_unknown(self):
        return self.projects > 0 and self.unknown == self.projects
