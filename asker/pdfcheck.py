"""Whether a file is a PDF that a PDF library can open, decided in a separate process.

    problem(data, seconds)  # None for a usable PDF, else one of PROBLEMS

A hostile PDF can make any parser spin or swell, so pypdf runs in a child Python of its own,
limited in memory here and in time by the parent, and killed when it overruns; the web
process only ever reads one word back. The child is this file run as a script (`python -I
pdfcheck.py`), so it imports neither the project nor Django. pypdf only parses: it fetches
nothing.

No Django here on purpose; asker/uploads.py turns the answer into a message.
"""

import io
import subprocess
import sys
from pathlib import Path

PROBLEMS = ("not_pdf", "unreadable", "encrypted", "timeout")
MEMORY_LIMIT = 512 * 1024 * 1024  # address space of the child; a 20 MB PDF needs far less


def problem(data, seconds, memory=MEMORY_LIMIT):
    """Check the PDF `data` (bytes) within `seconds` and `memory` bytes of address space."""
    if not data.startswith(b"%PDF-"):
        # Every PDF writer starts with the header; a header further in makes a file that is
        # something else too (HTML, say) to whatever sniffs it.
        return "not_pdf"
    try:
        finished = subprocess.run(
            [sys.executable, "-I", str(Path(__file__).resolve()), str(int(memory))], input=data,
            capture_output=True, timeout=seconds, check=False,
        )
    except subprocess.TimeoutExpired:
        return "timeout"  # subprocess.run has killed the child
    answer = finished.stdout.decode(errors="replace").strip()
    if finished.returncode != 0 or answer not in ("ok", *PROBLEMS):
        return "unreadable"  # killed for its memory, or crashed: not a PDF to publish
    return None if answer == "ok" else answer


def _child_problem(data):
    from pypdf import PdfReader

    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted:
            # Documents for the public must open for everyone, and PDF/A (the archival form
            # of public documents) forbids encryption; a password-free permission lock is
            # still encryption, and saving without it takes a moment.
            return "encrypted"
        # Building the page tree and reading the first page shows a broken tree, or none.
        reader.pages[0].mediabox  # noqa: B018
    except Exception:  # noqa: BLE001  (whatever pypdf raises, the answer is the same)
        return "unreadable"
    return None


def _child():
    import resource

    memory = int(sys.argv[1])
    resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    # pypdf warns about every flaw it works around; the parent wants only the answer.
    import logging

    logging.disable(logging.CRITICAL)
    data = sys.stdin.buffer.read()
    sys.stdout.write(_child_problem(data) or "ok")


if __name__ == "__main__":
    _child()
