"""English dates, times and numbers (British style: day before month, a 24-hour clock, as the
bokmål pages have it), so an English page never shows "Nov. 30, 2026, 12:09 a.m." beside
"30 November 2026". Templates name these formats; see asker/formats/nb/formats.py.
"""

DATE_FORMAT = "j F Y"
TIME_FORMAT = "H:i"
DATETIME_FORMAT = "j F Y, H:i"
MONTH_DAY_FORMAT = "j F"
SHORT_DATE_FORMAT = "d/m/Y"
SHORT_DATETIME_FORMAT = "d/m/Y H:i"
FIRST_DAY_OF_WEEK = 1  # Monday, as in Norway
DECIMAL_SEPARATOR = "."
THOUSAND_SEPARATOR = ","
NUMBER_GROUPING = 3
