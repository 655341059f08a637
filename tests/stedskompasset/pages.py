"""Reading the results page in tests: the table's rows and the compass diagram's SVG."""

import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser

SVG = "{http://www.w3.org/2000/svg}"


class _Rows(HTMLParser):
    """The cells' text of each <tr data-theme="N"> of the results table."""

    def __init__(self):
        super().__init__()
        self.rows, self.row, self.cell = {}, None, None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "tr" and "data-theme" in attrs:
            self.row = self.rows.setdefault(int(attrs["data-theme"]), [])
        elif tag in ("th", "td") and self.row is not None:
            self.cell = []

    def handle_endtag(self, tag):
        if tag in ("th", "td") and self.cell is not None:
            self.row.append(" ".join("".join(self.cell).split()))
            self.cell = None
        elif tag == "tr":
            self.row = None

    def handle_data(self, data):
        if self.cell is not None:
            self.cell.append(data)


def rows(page):
    """{theme number: [the texts of its cells]} from the results table."""
    parser = _Rows()
    parser.feed(page)
    return parser.rows


def compass(page):
    """The compass diagram as an ElementTree element, or None when the page has none."""
    match = re.search(r'<svg class="compass".*?</svg>', page, re.S)
    return ET.fromstring(match.group(0)) if match else None


def polygon_points(svg, series="this"):
    """The points of a series' polygon as [(x, y), ...]."""
    polygon = next(p for p in svg.iter(f"{SVG}polygon") if p.get("data-series") == series)
    return [tuple(float(v) for v in pair.split(",")) for pair in polygon.get("points").split()]
