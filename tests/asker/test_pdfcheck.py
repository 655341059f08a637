"""The PDF check runs pypdf in a child process bounded in time and memory; a child that
overruns either is a refusal, never a hang or a 500."""

from asker import pdfcheck
from tests.workspace.test_plan_documents import make_pdf


def test_a_pdf_that_opens():
    assert pdfcheck.problem(make_pdf(pages=2), 30) is None


def test_memory_is_bounded():
    # Far less than Python and pypdf need: the child fails, and the file is refused.
    assert pdfcheck.problem(make_pdf(), 30, memory=16 * 1024 * 1024) == "unreadable"


def test_time_is_bounded():
    assert pdfcheck.problem(make_pdf(), 0.001) == "timeout"


def test_the_header_is_checked_before_any_process_starts():
    assert pdfcheck.problem(b"<!-- %PDF-1.7 -->", 0.001) == "not_pdf"
