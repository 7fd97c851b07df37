"""The 工作台 待办 entry for letters returned to their drafter (退回修改) with a signer's 意见: each opens the
letter, where the 意见 is shown above the text."""

from django.urls import reverse

from gongkai.todo import Todo, Urgency

from ..models import Letter, LetterStatus

AREA = "依申请公开"


def returned_to(user):
    return (
        Letter.objects.filter(drafted_by=user, status=LetterStatus.RETURNED)
        .select_related("application")
        .order_by("updated_at", "id")
    )


def todo_for(user, today) -> list[Todo]:
    if not user.is_authenticated:
        return []
    letters = list(returned_to(user))
    if not letters:
        return []
    url = reverse("applications:letters_returned")
    hint = "、".join(f"{letter.application.reference} {letter.get_kind_display()}" for letter in letters[:3])
    return [Todo(AREA, "退回我修改的文书", len(letters), url, Urgency.SOON, hint=hint)]
