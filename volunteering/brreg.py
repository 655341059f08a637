"""Reading Enhetsregisteret's bulk files (enheter_alle.json.gz / .csv.gz), a unit at a time.

The national file is about a gigabyte, so nothing here holds more than a window of it: the JSON
array is read element by element with json.JSONDecoder.raw_decode over a buffered text stream,
the CSV row by row. Gzip is recognised by its magic bytes, JSON and CSV by their content, never by
the file's name. Nothing named inside the file is fetched.

What is broken decides what happens:
- an element that is not valid JSON is reported (`Rejected`) and reading goes on at the next
  element that starts a unit (`,{` followed by an object with "organisasjonsnummer");
- a file that is not one of the formats, a damaged gzip stream, text that is not UTF-8, or an
  array that is never closed raises `UnreadableFile`: the caller then changes nothing, since a
  file cut short is no sound base for marking anything.
"""

import codecs
import csv
import gzip
import io
import json
import re
import zlib
from dataclasses import dataclass

from django.utils.translation import gettext as _

GZIP_MAGIC = b"\x1f\x8b"
SNIFF_BYTES = 64 * 1024
CHUNK_CHARS = 1 << 20
# A unit is about 2 KB; one far larger is not a unit, and reading on for it would let one broken
# element hold the whole file in memory.
MAX_ELEMENT_CHARS = 1 << 20
NEXT_ELEMENT = re.compile(r",\s*(?=\{)")
WHITESPACE = re.compile(r"\s*")
NUMBER_FIELD = "organisasjonsnummer"


class UnreadableFile(Exception):
    """The file as a whole cannot be used; the message says why, in the user's language."""


@dataclass(frozen=True)
class Rejected:
    """An element or row that could not be read at all."""
    reason: str


def _open_binary(path):
    raw = open(path, "rb")
    if raw.read(2) == GZIP_MAGIC:
        raw.seek(0)
        return gzip.GzipFile(fileobj=raw, mode="rb")
    raw.seek(0)
    return raw


def _read_guarded(stream, size):
    try:
        return stream.read(size)
    except (OSError, EOFError, zlib.error) as exc:
        raise UnreadableFile(_("The gzip file is damaged (%(error)s).") % {"error": exc}) from exc
    except UnicodeDecodeError as exc:
        raise UnreadableFile(_("The file is not UTF-8 text.")) from exc


def sniff(path):
    """'json' or ('csv', delimiter); raises UnreadableFile for anything else."""
    with _open_binary(path) as stream:
        sample = _read_guarded(stream, SNIFF_BYTES)
    if not sample:
        raise UnreadableFile(_("The file is empty."))
    # Replacement characters only to recognise the format; the reading itself is strict.
    text = codecs.getincrementaldecoder("utf-8-sig")(errors="replace").decode(sample, final=False).lstrip()
    header = text.split("\n", 1)[0]
    delimiter = max(",;\t", key=header.count)
    if text.startswith("["):
        kind = "json"
    elif NUMBER_FIELD in (name.strip().strip('"') for name in header.split(delimiter)):
        kind = ("csv", delimiter)
    else:
        raise UnreadableFile(_("The file is neither Enhetsregisteret JSON nor CSV, nor gzip of either."))
    try:
        # Not final: the sample may end in the middle of a character.
        codecs.getincrementaldecoder("utf-8-sig")().decode(sample, final=False)
    except UnicodeDecodeError as exc:
        raise UnreadableFile(_("The file is not UTF-8 text.")) from exc
    return kind


def read_units(path):
    """Yield each unit (a dict, nested as in the API) or a Rejected, in file order."""
    kind = sniff(path)
    with _open_binary(path) as binary:
        text = io.TextIOWrapper(binary, encoding="utf-8-sig", newline="")
        if kind == "json":
            yield from _json_units(text)
        else:
            yield from _csv_units(text, kind[1])


class _Window:
    """The part of the text stream still to be read, at least MAX_ELEMENT_CHARS of it when the
    file has that much left."""

    def __init__(self, stream):
        self.stream, self.text, self.pos, self.eof = stream, "", 0, False

    def fill(self):
        if self.eof or len(self.text) - self.pos >= MAX_ELEMENT_CHARS:
            return
        parts = [self.text[self.pos:]]
        size = len(parts[0])
        while size < MAX_ELEMENT_CHARS:
            chunk = _read_guarded(self.stream, CHUNK_CHARS)
            if not chunk:
                self.eof = True
                break
            parts.append(chunk)
            size += len(chunk)
        self.text, self.pos = "".join(parts), 0

    def skip_space(self):
        self.fill()
        self.pos = WHITESPACE.match(self.text, self.pos).end()
        return self.text[self.pos] if self.pos < len(self.text) else ""


def _json_units(stream):
    decoder = json.JSONDecoder()
    window = _Window(stream)
    window.skip_space()
    window.pos += 1  # the "[" sniff() saw
    if window.skip_space() == "]":
        return
    while True:
        window.skip_space()  # raw_decode does not skip leading whitespace itself
        try:
            value, end = decoder.raw_decode(window.text, window.pos)
        except json.JSONDecodeError as exc:
            yield Rejected(_("not valid JSON (%(error)s)") % {"error": exc.msg})
            if not _resync(window, decoder):
                return
            continue
        yield value
        window.pos = end
        following = window.skip_space()
        if following == ",":
            window.pos += 1
        elif following == "]":
            window.pos += 1
            if window.skip_space():
                raise UnreadableFile(_("The file goes on after the end of its JSON array."))
            return
        elif following == "":
            raise UnreadableFile(_("The file ends before its JSON array is closed."))
        else:
            yield Rejected(_("no comma after the element"))
            if not _resync(window, decoder):
                return


def _resync(window, decoder):
    """After a broken element: move to the next element that is a whole unit followed by "," or
    "]". True if one was found; False if the array ended; UnreadableFile if the file did."""
    start = window.pos + 1
    while True:
        found = NEXT_ELEMENT.search(window.text, start)
        if found is None:
            if window.eof:
                if window.text[start:].rstrip().endswith("]"):
                    return False
                raise UnreadableFile(_("The file ends before its JSON array is closed."))
            # Keep a short tail: the "," and the "{" may straddle the next chunk.
            keep = max(start, len(window.text) - 64)
            window.text, window.pos, start = window.text[keep:], 0, 0
            chunk = _read_guarded(window.stream, CHUNK_CHARS)
            window.text += chunk
            window.eof = not chunk
            continue
        window.pos = found.end()
        window.fill()  # a whole element after the candidate, as for any other element
        try:
            value, end = decoder.raw_decode(window.text, window.pos)
        except json.JSONDecodeError:
            start = window.pos + 1
            continue
        after = WHITESPACE.match(window.text, end).end()
        if isinstance(value, dict) and NUMBER_FIELD in value and window.text[after:after + 1] in (",", "]"):
            return True
        start = window.pos + 1


def _csv_units(stream, delimiter):
    reader = csv.reader(stream, delimiter=delimiter)
    try:
        header = next(reader)
    except (csv.Error, StopIteration) as exc:
        raise UnreadableFile(_("The CSV file has no readable header.")) from exc
    paths = [name.strip().split(".") for name in header]
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            yield Rejected(_("not a valid CSV row (%(error)s)") % {"error": exc})
            continue
        except UnicodeDecodeError as exc:
            raise UnreadableFile(_("The file is not UTF-8 text.")) from exc
        if not row:
            continue
        if len(row) != len(header):
            yield Rejected(_("a CSV row with %(found)d fields where the header has %(expected)d")
                           % {"found": len(row), "expected": len(header)})
            continue
        yield _nest(paths, row)


def _nest(paths, row):
    """{"forretningsadresse.postnummer": "1384"} → {"forretningsadresse": {"postnummer": "1384"}};
    empty cells are left out, as the JSON leaves out absent fields."""
    unit = {}
    for path, value in zip(paths, row):
        if value == "":
            continue
        node = unit
        for key in path[:-1]:
            child = node.setdefault(key, {})
            if not isinstance(child, dict):
                break
            node = child
        else:
            node[path[-1]] = value
    return unit
