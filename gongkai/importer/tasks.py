"""Background work: reading an uploaded report (text recognition of a scan takes seconds a page).

The upload stores the file and queues `read_pending_import`; the worker (`gongkai worker`; `gongkai serve`
and `gongkai demo` start one beside the site) reads it and leaves the import waiting for review, or says why
it could not be read. The review page refreshes itself while the reading runs.
"""

from django.tasks import task

from gongkai.importer.pending import read_pending


@task
def read_pending_import(pending_id: int, year: int | None = None, format_version: str | None = None) -> str:
    """Read the uploaded file of a pending import (again, as a corrected year or format, when given);
    returns its status afterwards."""
    return read_pending(pending_id, year, format_version)
