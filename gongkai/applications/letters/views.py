"""Staff screens for letters, delivery proof, the case archive and the letter settings (namespace `applications`).

Cases are loaded through gongkai.agencies.access.load_authorized, so another agency's case is a 404. Letters
name the applicant: only people who see the case's personal data open them, and each download is recorded in
the audit trail.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from gongkai.agencies.access import NotAllowed, agencies_where, allowed_actions, load_authorized
from gongkai.agencies.chooser import agency_chooser
from gongkai.agencies.models import Agency

from .. import archive, fees, services
from ..access import CASES
from ..downloads import private_file
from ..models import LetterError, LetterLocked, LetterStatus
from . import context, delivery, signing, workflow
from .numbering import settings_for
from .render import letter_bytes
from .settings import LetterSettingsForm, next_number_preview, save_letter_settings
from .templates import TEMPLATES
from .todo import returned_to

CONTENT_TYPES = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "pdf": "application/pdf",
}


# Letters name the applicant: opened by those who see the case's personal data (not a supervisor from above).
CASE_WITH_LETTERS = load_authorized(CASES, "case.personal_data", what="查看文书（载有申请人的个人信息）")


def letters_panel(application, allowed) -> dict:
    """What the case page shows about letters, fees and the archive; `allowed`: the person's actions there."""
    personal = "case.personal_data" in allowed
    return {
        "letters": list(application.letters.all()) if personal else [],
        "letter_kinds": [(k.value, k.label) for k in workflow.kinds_for(application)],
        "can_draft": "letter.draft" in allowed,
        "can_archive": "case.archive" in allowed,
        "archive_problem": archive.archive_problem(application),
        "fee": fees.fee_of(application),
        "delivery_proofs": list(application.delivery_proofs.all()) if personal else [],
    }


def draft_notice_after(request, application, kind, event_type):
    """After an event that must be told to the applicant, its notice drafted at once and opened."""
    try:
        letter = workflow.draft_letter(application, kind, actor=request.user)
    except (LetterError, NotAllowed) as exc:
        messages.warning(request, f"已记录：{event_type.label}。未能生成告知书：{exc}")
        return redirect("applications:detail", pk=application.pk)
    messages.success(
        request, f"已记录：{event_type.label}，并生成{letter.get_kind_display()}草稿：请核对正文后送签。"
    )
    return redirect("applications:letter", pk=application.pk, letter_pk=letter.pk)


def _letter(application, letter_pk):
    return get_object_or_404(application.letters.select_related("drafted_by"), pk=letter_pk)


@login_required
@require_POST
@load_authorized(CASES)
def letter_new(request, application):
    pk = application.pk
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
        messages.error(request, str(exc))
        return redirect("applications:detail", pk=pk)
    messages.success(request, f"已生成{letter.get_kind_display()}草稿，请核对正文。")
    return redirect("applications:letter", pk=pk, letter_pk=letter.pk)


@login_required
@CASE_WITH_LETTERS
def letter_detail(request, application, letter_pk):
    pk, letter = application.pk, _letter(application, letter_pk)
    allowed = allowed_actions(request.user, application.agency)
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
            error = str(exc)
        else:
            messages.success(request, "已保存草稿。")
            return redirect("applications:letter", pk=pk, letter_pk=letter_pk)
    own = letter.drafted_by_id == request.user.pk
    alone = workflow.issued_by_registrar(letter)
    return render(
        request,
        "applications/letters/detail.html",
        {
            "application": application,
            "letter": letter,
            "error": error,
            "body": request.POST.get("body", letter.body) if error else letter.body,
            "addressee": request.POST.get("addressee", letter.addressee) if error else letter.addressee,
            "can_edit": not letter.is_issued and "letter.draft" in allowed,
            "can_head_sign": not alone
            and letter.status == LetterStatus.DRAFT
            and "letter.sign" in allowed
            and not own,
            "can_issue": not alone
            and letter.status == LetterStatus.HEAD_SIGNED
            and "letter.issue" in allowed
            and not own,
            "can_issue_alone": alone and letter.status == LetterStatus.DRAFT and "case.handle" in allowed,
            "can_return_head": not alone
            and letter.status == LetterStatus.DRAFT
            and "letter.sign" in allowed
            and not own,
            "can_return_leader": letter.status == LetterStatus.HEAD_SIGNED
            and "letter.issue" in allowed
            and not own,
            "alone": alone,
            "reviews": list(letter.reviews.select_related("actor")),
            "attachments": list(letter.attachments.all()),
            "deliveries": list(letter.deliveries.all()),
            "returned": letter.reviews.filter(action="returned").last()
            if letter.status == LetterStatus.RETURNED
            else None,
            "own": own,
            "blanks": 0
            if letter.is_issued
            else letter.body.count(context.BLANK) + letter.addressee.count(context.BLANK),
        },
    )


# Signing and issuing are refused on the letter page itself, with the reason: the wrong person, the wrong order.
@login_required
@require_POST
@CASE_WITH_LETTERS
def letter_sign(request, application, letter_pk):
    pk, letter = application.pk, _letter(application, letter_pk)
    try:
        workflow.sign_as_head(letter, actor=request.user)
    except (LetterError, LetterLocked, NotAllowed) as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, "科室负责人已签字。")
    return redirect("applications:letter", pk=pk, letter_pk=letter_pk)


@login_required
@require_POST
@CASE_WITH_LETTERS
def letter_return(request, application, letter_pk):
    """退回 with 意见: back to the drafter; without an 意见 nothing happens and the page says why."""
    pk, letter = application.pk, _letter(application, letter_pk)
    try:
        workflow.return_letter(letter, actor=request.user, comment=request.POST.get("comment", ""))
    except (LetterError, LetterLocked, NotAllowed) as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, "已退回拟稿人修改，退回意见已记入文书的审签记录。")
    return redirect("applications:letter", pk=pk, letter_pk=letter_pk)


@login_required
@CASE_WITH_LETTERS
def letter_issue(request, application, letter_pk):
    """领导签发 cannot be undone: a confirmation page first, the POST issues."""
    pk, letter = application.pk, _letter(application, letter_pk)
    if request.method == "POST":
        try:
            letter = workflow.issue_letter(letter, actor=request.user)
        except (LetterError, LetterLocked, NotAllowed) as exc:
            messages.error(request, str(exc))
        else:
            done = "已出具" if workflow.issued_by_registrar(letter) else "已签发"
            sent = "；将以电子邮件发送给申请人" if letter.deliveries.exists() else ""
            messages.success(request, f"{done}，文号 {letter.number}{sent}。")
        return redirect("applications:letter", pk=pk, letter_pk=letter_pk)
    return render(
        request,
        "applications/letters/confirm_issue.html",
        {
            "application": application,
            "letter": letter,
            "alone": workflow.issued_by_registrar(letter),
            "emailed": delivery.wants_email(application) and TEMPLATES[letter.kind].to_applicant,
            "certificate": signing.certificate_for(application.agency),
            "attachments": list(letter.attachments.all()),
        },
    )


@login_required
@require_POST
@CASE_WITH_LETTERS
def attachment_add(request, application, letter_pk):
    pk, letter = application.pk, _letter(application, letter_pk)
    try:
        workflow.add_attachment(
            letter, request.FILES.get("file"), title=request.POST.get("title", ""), actor=request.user
        )
    except (LetterError, LetterLocked, NotAllowed) as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, "已添加附件，文书的“附件”说明已列出其名称。")
    return redirect("applications:letter", pk=pk, letter_pk=letter_pk)


@login_required
@CASE_WITH_LETTERS
def attachment_remove(request, application, letter_pk, attachment_pk):
    """Removing an attachment asks first (a page naming it); the POST removes it."""
    pk, letter = application.pk, _letter(application, letter_pk)
    if request.method != "POST":
        attachment = get_object_or_404(letter.attachments, pk=attachment_pk)
        return render(
            request,
            "applications/letters/confirm_remove_attachment.html",
            {"application": application, "letter": letter, "attachment": attachment},
        )
    try:
        workflow.remove_attachment(letter, attachment_pk, actor=request.user)
    except (LetterError, LetterLocked, NotAllowed) as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, "已删除附件。")
    return redirect("applications:letter", pk=pk, letter_pk=letter_pk)


@login_required
@CASE_WITH_LETTERS
def attachment_file(request, application, letter_pk, attachment_pk):
    letter = _letter(application, letter_pk)
    attachment = get_object_or_404(letter.attachments, pk=attachment_pk)
    services.record_personal_data_view(
        application, actor=request.user, what=f"letter_attachment:{attachment.pk}"
    )
    name = f"{application.reference}-附件-{attachment.title}{attachment.extension}"
    return private_file(attachment.file.open("rb"), attachment.content_type, name=name)


@login_required
@CASE_WITH_LETTERS
def letter_file(request, application, letter_pk, fmt):
    pk, letter = application.pk, _letter(application, letter_pk)
    if fmt not in CONTENT_TYPES:
        raise Http404("没有这种格式。")
    try:
        data = letter_bytes(letter, fmt)
    except LetterError as exc:
        messages.error(request, str(exc))
        return redirect("applications:letter", pk=pk, letter_pk=letter_pk)
    services.record_personal_data_view(application, actor=request.user, what=f"letter:{letter.pk}:{fmt}")
    name = f"{application.reference}-{letter.get_kind_display()}{'' if letter.is_issued else '-草稿'}.{fmt}"
    return private_file(data, CONTENT_TYPES[fmt], name=name)


@login_required
@require_POST
@load_authorized(CASES, "case.handle", what="上传送达凭证")
def delivery_proof_upload(request, application):
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
    return redirect("applications:detail", pk=application.pk)


@login_required
@load_authorized(CASES, "case.personal_data", what="查看送达凭证")
def delivery_proof(request, application, proof_pk):
    proof = get_object_or_404(application.delivery_proofs.exclude(file=""), pk=proof_pk)
    services.record_personal_data_view(application, actor=request.user, what=f"delivery_proof:{proof.pk}")
    return private_file(proof.file.open("rb"), proof.content_type, attachment=False)


@login_required
@load_authorized(CASES, "case.archive")
def archive_download(request, application):
    try:
        name, data = archive.build_archive(application, actor=request.user)
    except LetterError as exc:
        messages.error(request, str(exc))
        return redirect("applications:detail", pk=application.pk)
    return private_file(data, "application/zip", name=name)


@login_required
def letter_settings_index(request):
    agencies = agencies_where(request.user, "letter.settings")
    if not agencies.exists():
        raise NotAllowed("letter.settings")
    if agencies.count() == 1:
        return redirect("applications:letter_settings", code=agencies.get().code)
    return agency_chooser(
        request,
        agencies,
        title="文书设置",
        prompt="请选择机关：",
        section=("依申请公开", reverse("applications:list")),
        link=lambda agency: reverse("applications:letter_settings", args=[agency.code]),
    )


@login_required
@load_authorized(Agency, "letter.settings", lookup={"code": "code"})
def letter_settings(request, agency):
    """The agency's 文号 代字 and remedy clause, for its 管理员; every change is audited."""
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
        {
            "agency": agency,
            "form": form,
            "next_number": next_number_preview(agency, year),
            "certificate": signing.certificate_for(agency),
        },
    )


@login_required
@require_POST
@load_authorized(Agency, "letter.settings", lookup={"code": "code"})
def certificate_install(request, agency):
    """The agency's signing certificate: a PKCS#12 file from its certificate authority, or a self-signed one."""
    try:
        if request.POST.get("self_signed"):
            stored = signing.install_self_signed(agency, actor=request.user)
        else:
            upload = request.FILES.get("pkcs12")
            if upload is None:
                raise signing.SigningError("请选择证书文件（.p12 或 .pfx）。")
            if upload.size > 100_000:
                raise signing.SigningError("证书文件过大，PKCS#12 证书文件通常只有几 KB。")
            stored = signing.install_pkcs12(
                agency, upload.read(), request.POST.get("password", ""), actor=request.user
            )
    except signing.SigningError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, f"已设置签名证书：{stored.subject}，有效期至 {stored.not_after:%Y-%m-%d}。")
    return redirect("applications:letter_settings", code=agency.code)


@login_required
def letters_returned(request):
    """The letters signers returned to this person, each with the latest 意见."""
    rows = []
    for letter in returned_to(request.user):
        rows.append((letter, letter.reviews.filter(action="returned").select_related("actor").last()))
    return render(request, "applications/letters/returned.html", {"rows": rows})
