"""Letters of a case (notices and decisions): their texts (templates), what they quote (context), their
numbers and settings (numbering, settings), the sign-off (workflow), their files (render) and the staff
screens (views). The names below are what the rest of gongkai uses."""

from ..models import LetterError, LetterLocked
from .context import BLANK, letter_context
from .numbering import allocate_number, format_number, settings_for
from .render import letter_bytes, render_docx, render_pdf
from .workflow import (
    add_attachment,
    draft_letter,
    edit_letter,
    issue_letter,
    issued_by_registrar,
    kinds_for,
    remove_attachment,
    return_letter,
    sign_as_head,
)

__all__ = [
    "add_attachment",
    "issued_by_registrar",
    "remove_attachment",
    "return_letter",
    "BLANK",
    "LetterError",
    "LetterLocked",
    "allocate_number",
    "draft_letter",
    "edit_letter",
    "format_number",
    "issue_letter",
    "kinds_for",
    "letter_bytes",
    "letter_context",
    "render_docx",
    "render_pdf",
    "settings_for",
    "sign_as_head",
]
