"""Staff screens for letters, delivery proof, the case archive and the letter settings (namespace `applications`).

Cases come through views._case, so another agency's case is a 404. Letters name the applicant: only people
who see the case's personal data open them, and each download is recorded in the audit trail.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from gongkai.agencies.access import agencies_visible_to, require_role
from gongkai.agencies.models import Agency, Membership, Role

from .. import archive, fees, services
from ..models import LetterError, LetterLocked, LetterStatus
from ..views import _case
from . import context, workflow
from .numbering import settings_for
from .render import letter_bytes
from .settings import LetterSettingsForm, next_number_preview, save_letter_settings

CONTENT_TYPES = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "pdf": "application/pdf",
}


def letters_panel(application, access) -> dict:
    """What the case page shows about letters, fees and the archive."""
    return {
        "letters": list(application.letters.all()) if access.sees_personal_data else [],
        "letter_kinds": [(k.value, k.label) for k in workflow.kinds_for(application)],
        "can_draft": bool(access.roles & workflow.DRAFT_ROLES),
        "can_archive": bool(access.roles & archive.ARCHIVE_ROLES),
        "archive_problem": archive.archive_problem(application),
        "fee": fees.fee_of(application),
        "delivery_proofs": list(application.delivery_proofs.all()) if access.sees_personal_data else [],
    }


def _letter(request, pk, letter_pk):
    application, access = _case(request, pk)
    if not access.sees_personal_data:
        raise PermissionDenied("文书载有申请人信息，上级监督员不能查看。")
    letter = get_object_or_404(application.letters.select_related("drafted_by"), pk=letter_pk)
    return application, access, letter


@login_required
@require_POST
def letter_new(request, pk):
    application, access = _case(request, pk)
    try:
        letter = workflow.draft_letter(
            application,
            request.POST.get("kind", ""),
            actor=request.user,
            addressee=request.POST.get("addressee") or None,
        )
    except ValueError:
        messages.error(request, "请选择文书种类。")
        return redirect("applications:detail", pk=pk)
    except LetterError as exc:
        if "需要您" in str(exc):
            raise PermissionDenied(str(exc)) from None
        messages.error(request, str(exc))
        return redirect("applications:detail", pk=pk)
    messages.success(request, f"已生成{letter.get_kind_display()}草稿，请核对正文。")
    return redirect("applications:letter", pk=pk, letter_pk=letter.pk)


@login_required
def letter_detail(request, pk, letter_pk):
    application, access, letter = _letter(request, pk, letter_pk)
    roles = access.roles
    error = ""
    if request.method == "POST":
        try:
            workflow.edit_letter(
                letter,
                body=request.POST.get("body", ""),
                addressee=request.POST.get("addressee", ""),
                actor=request.user,
            )
        except LetterLocked as exc:
            error = str(exc)
        except LetterError as exc:
            if "需要您" in str(exc):
                raise PermissionDenied(str(exc)) from None
            error = str(exc)
        else:
            messages.success(request, "已保存草稿。")
            return redirect("applications:letter", pk=pk, letter_pk=letter_pk)
    own = letter.drafted_by_id == request.user.pk
    return render(
        request,
        "applications/letters/detail.html",
        {
            "application": application,
            "letter": letter,
            "error": error,
            "body": request.POST.get("body", letter.body) if error else letter.body,
            "addressee": request.POST.get("addressee", letter.addressee) if error else letter.addressee,
            "can_edit": not letter.is_issued and bool(roles & workflow.DRAFT_ROLES),
            "can_head_sign": letter.status == LetterStatus.DRAFT
            and Role.DEPARTMENT_HEAD in roles
            and not own,
            "can_issue": letter.status == LetterStatus.HEAD_SIGNED and Role.LEADER in roles and not own,
            "own": own,
            "blanks": 0
            if letter.is_issued
            else letter.body.count(context.BLANK) + letter.addressee.count(context.BLANK),
        },
    )


@login_required
@require_POST
def letter_sign(request, pk, letter_pk):
    _application, _access, letter = _letter(request, pk, letter_pk)
    try:
        workflow.sign_as_head(letter, actor=request.user)
    except (LetterError, LetterLocked) as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, "科室负责人已签字。")
    return redirect("applications:letter", pk=pk, letter_pk=letter_pk)


@login_required
def letter_issue(request, pk, letter_pk):
    """领导签发 cannot be undone: a confirmation page first, the POST issues."""
    application, _access, letter = _letter(request, pk, letter_pk)
    if request.method == "POST":
        try:
            letter = workflow.issue_letter(letter, actor=request.user)
        except (LetterError, LetterLocked) as exc:
            messages.error(request, str(exc))
        else:
            messages.success(request, f"已签发，文号 {letter.number}。")
        return redirect("applications:letter", pk=pk, letter_pk=letter_pk)
    return render(
        request, "applications/letters/confirm_issue.html", {"application": application, "letter": letter}
    )


@login_required
def letter_file(request, pk, letter_pk, fmt):
    application, _access, letter = _letter(request, pk, letter_pk)
    if fmt not in CONTENT_TYPES:
        raise Http404("没有这种格式。")
    try:
        data = letter_bytes(letter, fmt)
    except LetterError as exc:
        messages.error(request, str(exc))
        return redirect("applications:letter", pk=pk, letter_pk=letter_pk)
    services.record_personal_data_view(application, actor=request.user, what=f"letter:{letter.pk}:{fmt}")
    name = f"{application.reference}-{letter.get_kind_display()}{'' if letter.is_issued else '-草稿'}.{fmt}"
    response = HttpResponse(data, content_type=CONTENT_TYPES[fmt])
    response["Content-Disposition"] = _attachment(name)
    response["Cache-Control"] = "private, no-store"
    return response


def _attachment(name: str) -> str:
    from urllib.parse import quote

    return f"attachment; filename=\"{quote(name)}\"; filename*=UTF-8''{quote(name)}"


@login_required
@require_POST
def delivery_proof_upload(request, pk):
    application, access = _case(request, pk)
    if not access.can_edit:
        raise PermissionDenied("上传送达凭证需要您在本机关担任登记员或管理员。")
    upload = request.FILES.get("delivery_proof")
    if not upload:
        messages.error(request, "请选择要上传的送达凭证。")
    else:
        try:
            archive.add_delivery_proof(
                application, upload, actor=request.user, description=request.POST.get("description", "")
            )
        except ValidationError as exc:
            messages.error(request, exc.messages[0])
        else:
            messages.success(request, "已上传送达凭证。")
    return redirect("applications:detail", pk=pk)


@login_required
def delivery_proof(request, pk, proof_pk):
    application, access = _case(request, pk)
    if not access.sees_personal_data:
        raise PermissionDenied("您无权查看送达凭证。")
    proof = get_object_or_404(application.delivery_proofs.exclude(file=""), pk=proof_pk)
    services.record_personal_data_view(application, actor=request.user, what=f"delivery_proof:{proof.pk}")
    response = FileResponse(proof.file.open("rb"), content_type=proof.content_type)
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
def archive_download(request, pk):
    application, access = _case(request, pk)
    if not access.roles & archive.ARCHIVE_ROLES:
        raise PermissionDenied("只有本机关的登记员或管理员可以导出案卷。")
    try:
        name, data = archive.build_archive(application, actor=request.user)
    except LetterError as exc:
        messages.error(request, str(exc))
        return redirect("applications:detail", pk=pk)
    response = HttpResponse(data, content_type="application/zip")
    response["Content-Disposition"] = _attachment(name)
    response["Cache-Control"] = "private, no-store"
    return response


def _administered_agencies(user):
    ids = Membership.objects.filter(user=user, role=Role.ADMIN).values_list("agency_id", flat=True)
    return Agency.objects.filter(pk__in=ids).order_by("name")


@login_required
def letter_settings_index(request):
    agencies = _administered_agencies(request.user)
    if not agencies:
        raise PermissionDenied("文书设置由本机关的管理员维护。")
    if len(agencies) == 1:
        return redirect("applications:letter_settings", code=agencies[0].code)
    return render(request, "applications/letters/settings_choose.html", {"agencies": agencies})


@login_required
def letter_settings(request, code):
    """The agency's 文号 代字 and remedy clause, for its 管理员; every change is audited."""
    agency = get_object_or_404(agencies_visible_to(request.user), code=code)
    require_role(request.user, agency, Role.ADMIN)
    form = LetterSettingsForm(request.POST or None, instance=settings_for(agency))
    if request.method == "POST" and form.is_valid():
        _settings, changed = save_letter_settings(form, actor=request.user)
        if changed:
            labels = "、".join(str(form.fields[name].label) for name in changed)
            messages.success(request, f"已保存文书设置（修改了：{labels}）。此后签发的文书按新设置生成。")
        else:
            messages.info(request, "文书设置没有改动。")
        return redirect("applications:letter_settings", code=agency.code)
    year = timezone.localdate().year
    return render(
        request,
        "applications/letters/settings.html",
        {"agency": agency, "form": form, "next_number": next_number_preview(agency, year)},
    )
