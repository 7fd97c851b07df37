"""Letter numbers (文号) and the per-agency letter settings they are made from.

settings_for(agency) -> LetterSettings          created with defaults on first use
format_number(prefix, year, sequence) -> str    GB/T 9704: 代字〔年份〕序号号
allocate_number(agency, year) -> (文号, sequence)   inside the transaction that issues the letter
"""

from django.db import IntegrityError, transaction

from gongkai.agencies.sequences import next_in_sequence

from ..models import LetterCounter, LetterSettings


def settings_for(agency) -> LetterSettings:
    found = LetterSettings.objects.filter(agency=agency).first()
    if found:
        return found
    try:
        with transaction.atomic():
            return LetterSettings.objects.create(
                agency=agency,
                number_prefix=f"{agency.name}依复",
                # Since the 2023 行政复议法, a department's reviewing body is the government of its level.
                review_body=agency.parent.name if agency.parent_id else "",
            )
    except IntegrityError:
        return LetterSettings.objects.get(agency=agency)


def format_number(prefix: str, year: int, sequence: int) -> str:
    """GB/T 9704: 代字〔年份〕序号号, the year in 六角括号, the sequence without leading zeros."""
    return f"{prefix}〔{year}〕{sequence}号"


def allocate_number(agency, year: int) -> tuple[str, int]:
    """The next letter 文号 of `agency` in `year`; call inside the transaction that issues the letter."""
    sequence = next_in_sequence(LetterCounter, agency, year)
    return format_number(settings_for(agency).number_prefix, year, sequence), sequence
