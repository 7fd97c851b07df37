"""Files of a case handed to the person who asked for them: letters, identity documents, delivery proof, the
archive, the applicant's data. They carry personal data, so no cache along the way may keep them."""

import io

from django.http import FileResponse


def private_file(
    content, content_type: str, *, name: str | None = None, attachment: bool = True
) -> FileResponse:
    """`content` as bytes or an open file; `name` is the file name the browser is given (RFC 6266)."""
    if isinstance(content, bytes):
        content = io.BytesIO(content)
    named = {"filename": name} if name else {}
    response = FileResponse(content, as_attachment=attachment, content_type=content_type, **named)
    response["Cache-Control"] = "private, no-store"
    return response
