"""Finding an agency the way people name it on the command line: by its code or its full name."""

from gongkai.agencies.models import Agency


def find_agency(name_or_code: str) -> Agency | None:
    """The agency with that code, else the one with that full name; None if there is none."""
    wanted = name_or_code.strip()
    return Agency.objects.filter(code=wanted).first() or Agency.objects.filter(name=wanted).first()
