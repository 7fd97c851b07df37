from django.core.exceptions import ValidationError

from gongkai.rules.document_number import validate_document_number


def document_number_validator(value: str) -> None:
    """Model-field wrapper of rules.document_number (ValueError → ValidationError)."""
    try:
        validate_document_number(value)
    except ValueError as exc:
        raise ValidationError(str(exc)) from exc
