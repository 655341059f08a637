"""Bokmål dates, times and numbers: the one place their shape is decided for the whole site.

Templates name these (`|date:"DATE_FORMAT"`, `|date:"DATETIME_FORMAT"`), never a pattern of
their own; what is not set here falls back to Django's own nb formats.
"""

DATE_FORMAT = "j. F Y"
TIME_FORMAT = "H:i"
DATETIME_FORMAT = r"j. F Y \k\l. H:i"
SHORT_DATE_FORMAT = "d.m.Y"
SHORT_DATETIME_FORMAT = "d.m.Y H:i"
DECIMAL_SEPARATOR = ","
THOUSAND_SEPARATOR = "\xa0"  # a non-breaking space: 1 605 never breaks over two lines
NUMBER_GROUPING = 3
