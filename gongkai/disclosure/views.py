"""Workspace screens of 主动公开 (namespace `disclosure`).

Records are loaded through gongkai.agencies.access.load_authorized, so a record of an agency the person
cannot see is a 404; what they may do with a visible one is decided by the services, whose Chinese errors
(and refusals of the person's roles, NotAllowed) are shown on the page of the step.
"""

import io

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import FileResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from gongkai import audit
from gongkai.agencies.access import (
    ACTIONS,
    NotAllowed,
    agencies_visible_to,
    agencies_where,
    allowed_actions,
    allows,
    load_authorized,
)
from gongkai.agencies.chooser import agency_chooser, agency_to_act_in
from gongkai.agencies.models import Agency
from gongkai.disclosure import workflow
from gongkai.disclosure.access import (
    can_edit_draft,
    categories_visible_to,
    documents_visible_to,
    items_visible_to,
)
from gongkai.disclosure.archive import build_archive
from gongkai.disclosure.attachments import IMAGES, add_attachment, remove_attachment, sniff
from gongkai.disclosure.catalogue import (
    CatalogueError,
    catalogue_tree,
    delete_category,
    flatten,
    save_category,
)
from gongkai.disclosure.distributions import DistributionError, add_distribution
from gongkai.disclosure.forms import (
    FIX_FIELD,
    ArchiveForm,
    AttachmentForm,
    CategoryForm,
    DistributionForm,
    DocumentForm,
    ItemForm,
    ReasonForm,
    SecrecyReviewForm,
    SignForm,
)
from gongkai.disclosure.models import CatalogueCategory, Item, ItemStatus, OfficialDocument
from gongkai.disclosure.register import RegisterError, pending_documents, save_document
from gongkai.disclosure.sanitize import sanitise_body
from gongkai.disclosure.timeliness import late_items, publication_due
from gongkai.rules.secrecy import QUESTIONS as SECRECY_QUESTIONS
from gongkai.rules.workdays import MissingCalendarYear

ITEMS = Item.objects.select_related("agency", "drafter", "category")


def _chooser_text(what: str) -> dict:
    section = ("主动公开", reverse("disclosure:items"))
    return {"title": "选择机关", "prompt": f"请选择要{what}的机关：", "section": section}


def _new_record_agency(request, action):
    return agency_to_act_in(request, action, **_chooser_text(ACTIONS[action].what))


# ---- items ----------------------------------------------------------------------------------------


@login_required
def item_list(request):
    items = items_visible_to(request.user).select_related("agency", "drafter", "category")
    status = request.GET.get("status", "")
    if status in ItemStatus.values:
        items = items.filter(status=status)
    code = request.GET.get("agency", "")
    if code:
        items = items.filter(agency__code=code)
    page = Paginator(items.order_by("-updated_at", "-pk"), 50).get_page(request.GET.get("page"))
    return render(
        request,
        "disclosure/item_list.html",
        {
            "page": page,
            "statuses": ItemStatus.choices,
            "status": status,
            "agencies": agencies_visible_to(request.user).order_by("name"),
            "agency_code": code,
            "can_draft": agencies_where(request.user, "item.draft").exists(),
        },
    )


def _save_item_form(request, form, item, actor):
    for name, value in form.cleaned_data.items():
        setattr(item, name, value)
    try:
        return workflow.save_draft(item, actor)
    except workflow.WorkflowError as exc:
        form.add_error(None, str(exc))
        return None


@login_required
def item_new(request):
    agency, chooser = _new_record_agency(request, "item.draft")
    if agency is None:
        return chooser
    item = Item(agency=agency, drafter=request.user)
    form = ItemForm(request.POST or None, instance=item, agency=agency)
    if request.method == "POST" and form.is_valid():
        saved = _save_item_form(request, form, item, request.user)
        if saved:
            messages.success(request, "草稿已保存。")
            return redirect("disclosure:item", saved.pk)
    return render(
        request, "disclosure/item_form.html", {"form": form, "agency": agency, "fix_field": FIX_FIELD}
    )


@login_required
@load_authorized(ITEMS)
def item_edit(request, item):
    if not can_edit_draft(request.user, item):
        raise PermissionDenied("只有起草人（或本机关管理员）可以修改草稿；已提交的信息须先退回。")
    form = ItemForm(request.POST or None, instance=item, agency=item.agency)
    if request.method == "POST" and form.is_valid():
        saved = _save_item_form(request, form, item, request.user)
        if saved:
            messages.success(request, "草稿已保存。")
            return redirect("disclosure:item", saved.pk)
    return render(
        request,
        "disclosure/item_form.html",
        {"form": form, "agency": item.agency, "item": item, "fix_field": FIX_FIELD},
    )


def _render_detail(request, item, *, secrecy_form=None, sign_form=None, status=200):
    review = workflow.current_review(item)
    allowed = allowed_actions(request.user, item.agency)
    try:
        due = publication_due(item.formed_on)
    except MissingCalendarYear:
        due = None
    published_on = timezone.localdate(item.published_at) if item.published_at else None
    attachments = list(item.attachments.all())
    can_review = workflow.can_review(item, request.user)
    return render(
        request,
        "disclosure/item_detail.html",
        {
            "item": item,
            # Sanitised on save; again on output, so a body written by any other path never runs here.
            "body": sanitise_body(item.body),
            "events": item.events.select_related("actor"),
            "attachments": attachments,
            "distributions": item.distributions.all(),
            "interpretations": item.interpretations.all(),
            "documents": item.documents.all(),
            "review": review,
            "can_edit": can_edit_draft(request.user, item),
            "can_submit": item.status == ItemStatus.DRAFT and request.user.pk == item.drafter_id,
            "can_review": can_review,
            "is_own_draft": review is not None and request.user.pk == item.drafter_id,
            "can_withdraw": item.status == ItemStatus.PUBLISHED and "item.withdraw" in allowed,
            "can_unschedule": item.status == ItemStatus.SCHEDULED and "item.leader_review" in allowed,
            "can_distribute": item.status in (ItemStatus.PUBLISHED, ItemStatus.WITHDRAWN)
            and "item.distribute" in allowed,
            "due": due,
            "late": bool(due and published_on and published_on > due),
            "secrecy": workflow.secrecy_record(item),
            "secrecy_questions": SECRECY_QUESTIONS,
            "secrecy_form": secrecy_form or SecrecyReviewForm(),
            "sign_form": sign_form or SignForm(),
            "reason_form": ReasonForm(),
            "attachment_form": AttachmentForm(),
            "distribution_form": DistributionForm(initial={"date": timezone.localdate()}),
        },
        status=status,
    )


@login_required
@load_authorized(ITEMS)
def item_detail(request, item):
    return _render_detail(request, item)


def _approve(request, item):
    """Pass the current review; 保密审查 and 签发 bring their own forms, shown again with errors if wrong."""
    review = workflow.current_review(item)
    kwargs = {}
    if review is not None and review.status == ItemStatus.SECRECY_REVIEW:
        form = SecrecyReviewForm(request.POST)
        if not form.is_valid():
            messages.error(request, "保密审查未通过提交：请按提示补全审查清单和意见。")
            return _render_detail(request, item, secrecy_form=form, status=400)
        kwargs = {"checklist": form.checklist(), "opinion": form.cleaned_data["opinion"]}
    elif review is not None and review.status == ItemStatus.LEADER_REVIEW:
        form = SignForm(request.POST)
        if not form.is_valid():
            messages.error(request, "未签发：请检查发布时间。")
            return _render_detail(request, item, sign_form=form, status=400)
        kwargs = {"publish_at": form.cleaned_data["publish_at"]}
    try:
        item = workflow.approve(item, request.user, **kwargs)
    except workflow.WorkflowError as exc:
        if "checklist" in kwargs:
            # The answers stay on the page with the reason they cannot pass.
            messages.error(request, str(exc))
            return _render_detail(request, item, secrecy_form=form, status=400)
        raise
    if item.status == ItemStatus.PUBLISHED:
        messages.success(request, f"已签发并发布，索引号 {item.index_number}。")
    elif item.status == ItemStatus.SCHEDULED:
        when = timezone.localtime(item.publish_at)
        messages.success(request, f"已签发，将于 {when:%Y-%m-%d %H:%M} 自动发布；此前不在门户显示。")
    else:
        messages.success(request, f"已通过，当前状态：{item.get_status_display()}。")
    return redirect("disclosure:item", item.pk)


@login_required
@require_POST
@load_authorized(ITEMS)
def item_action(request, item, action):
    try:
        if action == "submit":
            workflow.submit(item, request.user)
            messages.success(request, "已提交科室负责人审核。")
        elif action == "approve":
            return _approve(request, item)
        elif action == "return":
            workflow.return_to_drafter(item, request.user, request.POST.get("reason", ""))
            messages.success(request, "已退回起草人。")
        elif action == "unschedule":
            workflow.cancel_schedule(item, request.user, request.POST.get("reason", ""))
            messages.success(request, "已取消预定发布，信息回到“待领导签发”。")
        else:
            raise PermissionDenied("未知操作。")
    except (workflow.WorkflowError, NotAllowed) as exc:  # a step out of turn, or not the person's to take
        messages.error(request, str(exc))
    return redirect("disclosure:item", item.pk)


# Refused before the confirmation page is shown, not only when it is submitted.
@login_required
@load_authorized(ITEMS, "item.withdraw", what="撤回")
def item_withdraw(request, item):
    """Withdrawal asks for confirmation and a reason on its own page first."""
    form = ReasonForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            workflow.withdraw(item, request.user, form.cleaned_data["reason"])
        except workflow.WorkflowError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, "已撤回。该信息不再在门户显示，索引号保留不再使用。")
            return redirect("disclosure:item", item.pk)
    return render(request, "disclosure/item_withdraw.html", {"item": item, "form": form})


def _wants_json(request) -> bool:
    return "application/json" in request.headers.get("Accept", "")


@login_required
@require_POST
@load_authorized(ITEMS)
def attachment_upload(request, item):
    """Upload an attachment; the body editor asks for JSON and gets the address to show the image at."""
    as_json = _wants_json(request)
    if not can_edit_draft(request.user, item):
        if as_json:
            return JsonResponse({"error": "只有草稿可以添加附件，且须由起草人办理。"}, status=403)
        raise PermissionDenied("只有草稿可以添加附件，且须由起草人办理。")
    form = AttachmentForm(request.POST, request.FILES)
    if not form.is_valid():
        if as_json:
            return JsonResponse({"error": "请选择要上传的文件。"}, status=400)
        messages.error(request, "请选择要上传的文件。")
        return redirect("disclosure:item", item.pk)
    upload = form.cleaned_data["file"]
    try:
        if as_json:
            # Only pictures go into the body; other files are attached on the item's page.
            sniffed = sniff(upload, upload.name or "")
            if sniffed not in IMAGES:
                return JsonResponse(
                    {"error": "正文中只能插入 JPEG 或 PNG 图片；其他文件请在信息详情页作为附件上传。"},
                    status=400,
                )
        attachment = add_attachment(item, upload, request.user)
    except ValidationError as exc:
        if as_json:
            return JsonResponse({"error": " ".join(exc.messages)}, status=400)
        messages.error(request, " ".join(exc.messages))
        return redirect("disclosure:item", item.pk)
    if as_json:
        url = reverse("disclosure:attachment", args=[item.pk, attachment.pk])
        return JsonResponse({"url": url, "name": attachment.original_name}, status=201)
    messages.success(request, "附件已上传。")
    return redirect("disclosure:item", item.pk)


@login_required
@load_authorized(ITEMS)
def attachment_download(request, item, attachment_pk):
    attachment = get_object_or_404(item.attachments, pk=attachment_pk)
    response = FileResponse(
        attachment.file.open("rb"),
        # Pictures open in place (the body editor and the preview show them); documents download.
        as_attachment=attachment.content_type not in IMAGES,
        filename=attachment.original_name,
        content_type=attachment.content_type,
    )
    # A draft's attachment, fetched after the permission check: no cache along the way may keep it.
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
@require_POST
@load_authorized(ITEMS)
def attachment_delete(request, item, attachment_pk):
    attachment = get_object_or_404(item.attachments, pk=attachment_pk)
    if not can_edit_draft(request.user, item):
        raise PermissionDenied("只有草稿的附件可以删除，且须由起草人办理。")
    remove_attachment(attachment, request.user)
    messages.success(request, "附件已删除。")
    return redirect("disclosure:item", item.pk)


@login_required
@require_POST
@load_authorized(ITEMS)
def distribution_add(request, item):
    form = DistributionForm(request.POST)
    if form.is_valid():
        distribution = form.save(commit=False)
        distribution.item = item
        try:
            add_distribution(distribution, request.user)
            messages.success(request, "发布渠道已登记。")
        except (DistributionError, NotAllowed) as exc:
            messages.error(request, str(exc))
    else:
        errors = "；".join(f"{form.fields[f].label}：{' '.join(e)}" for f, e in form.errors.items())
        messages.error(request, f"未登记：{errors}")
    return redirect("disclosure:item", item.pk)


# ---- 公文 register --------------------------------------------------------------------------------


@login_required
def register(request):
    documents = documents_visible_to(request.user).select_related("agency", "department", "item")
    code = request.GET.get("agency", "")
    if code:
        documents = documents.filter(agency__code=code)
    page = Paginator(documents, 50).get_page(request.GET.get("page"))
    return render(
        request,
        "disclosure/register.html",
        {
            "page": page,
            "pending": pending_documents(documents),
            "agencies": agencies_visible_to(request.user).order_by("name"),
            "agency_code": code,
            "can_register": agencies_where(request.user, "document.register").exists(),
        },
    )


def _document_form(request, document, agency):
    form = DocumentForm(request.POST or None, instance=document, agency=agency)
    if request.method == "POST" and form.is_valid():
        for name, value in form.cleaned_data.items():
            setattr(document, name, value)
        try:
            save_document(document, request.user)
        except RegisterError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, "发文登记已保存。")
            return redirect("disclosure:register")
    return render(
        request,
        "disclosure/document_form.html",
        {"form": form, "agency": agency, "document": document, "fix_field": FIX_FIELD},
    )


@login_required
def document_new(request):
    agency, chooser = _new_record_agency(request, "document.register")
    if agency is None:
        return chooser
    return _document_form(request, OfficialDocument(agency=agency), agency)


@login_required
@load_authorized(OfficialDocument.objects.select_related("agency"), "document.register", what="修改发文登记")
def document_edit(request, document):
    return _document_form(request, document, document.agency)


# ---- catalogue ------------------------------------------------------------------------------------


def _catalogue_of(action: str | None = None):
    """The view gets the agency of its address (code) if the person may take `action` there."""
    return load_authorized(Agency, action, lookup={"code": "code"})


@login_required
def catalogue_index(request):
    agencies = agencies_visible_to(request.user).order_by("name")
    if agencies.count() == 1:
        return redirect("disclosure:catalogue", agencies[0].code)
    return agency_chooser(request, agencies, **_chooser_text("查看主动公开基本目录"))


@login_required
@_catalogue_of()
def catalogue(request, agency):
    return render(
        request,
        "disclosure/catalogue.html",
        {
            "agency": agency,
            "rows": flatten(catalogue_tree(agency)),
            "can_edit": allows(request.user, "catalogue.edit", agency),
        },
    )


@login_required
@_catalogue_of("catalogue.edit")
def category_edit(request, agency, pk=None):
    category = (
        get_object_or_404(CatalogueCategory, agency=agency, pk=pk) if pk else CatalogueCategory(agency=agency)
    )
    form = CategoryForm(request.POST or None, instance=category, agency=agency)
    if request.method == "POST" and form.is_valid():
        try:
            save_category(form.save(commit=False), request.user)
        except CatalogueError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, "类目已保存。")
            return redirect("disclosure:catalogue", agency.code)
    return render(
        request, "disclosure/category_form.html", {"form": form, "agency": agency, "category": category}
    )


@login_required
@_catalogue_of("catalogue.edit")
def category_delete(request, agency, pk):
    category = get_object_or_404(categories_visible_to(request.user), agency=agency, pk=pk)
    error = ""
    if request.method == "POST":
        try:
            delete_category(category, request.user)
        except CatalogueError as exc:
            error = str(exc)
        else:
            messages.success(request, f"类目“{category.name}”已删除。")
            return redirect("disclosure:catalogue", agency.code)
    return render(
        request, "disclosure/category_delete.html", {"agency": agency, "category": category, "error": error}
    )


# ---- timeliness and archive -----------------------------------------------------------------------


@login_required
def late(request):
    return render(request, "disclosure/late.html", {"late": late_items(items_visible_to(request.user))[:200]})


@login_required
def archive(request):
    agencies = list(agencies_where(request.user, "disclosure.archive"))
    if not agencies:
        raise NotAllowed("disclosure.archive")
    form = ArchiveForm(request.GET or None, initial={"year": timezone.localdate().year - 1})
    code = request.GET.get("agency")
    agency = next((a for a in agencies if a.code == code), agencies[0] if len(agencies) == 1 else None)
    if request.GET.get("download") and agency and form.is_valid():
        year = form.cleaned_data["year"]
        buffer = io.BytesIO()
        build_archive(agency, year, buffer)
        audit.record("disclosure.archive", actor=request.user, agency=agency, details={"year": year})
        buffer.seek(0)
        name = f"{agency.code}-{year}-archive.zip"
        return FileResponse(buffer, as_attachment=True, filename=name, content_type="application/zip")
    return render(request, "disclosure/archive.html", {"form": form, "agencies": agencies, "agency": agency})
