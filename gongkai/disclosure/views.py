"""Workspace screens of 主动公开 (namespace `disclosure`).

Every lookup goes through gongkai.disclosure.access, so a record of an agency the person cannot see is
a 404; what they may do with a visible one is decided by the services, whose Chinese errors are shown.
"""

import io

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import FileResponse, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from gongkai import audit
from gongkai.agencies.access import agencies_visible_to, require_role, roles_of
from gongkai.agencies.models import Role
from gongkai.disclosure import workflow
from gongkai.disclosure.access import (
    ARCHIVE_ROLES,
    REGISTER_ROLES,
    STAFF_ROLES,
    can_edit_draft,
    categories_visible_to,
    documents_visible_to,
    is_staff_of,
    items_visible_to,
)
from gongkai.disclosure.archive import build_archive
from gongkai.disclosure.attachments import add_attachment, remove_attachment
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
)
from gongkai.disclosure.models import CatalogueCategory, Item, ItemStatus, OfficialDocument
from gongkai.disclosure.register import RegisterError, pending_documents, save_document
from gongkai.disclosure.sanitize import sanitise_body
from gongkai.disclosure.timeliness import late_items, publication_due
from gongkai.rules.workdays import MissingCalendarYear


def _agencies_with(user, wanted):
    """Visible agencies where `user` holds one of the `wanted` roles, by name."""
    return [a for a in agencies_visible_to(user).order_by("name") if roles_of(user, a) & wanted]


def _chosen_agency(request, wanted, what):
    """The agency a new record is for: ?agency=CODE, or the only one the person may use."""
    agencies = _agencies_with(request.user, wanted)
    if not agencies:
        raise PermissionDenied(f"{what}需要您在本机关担任相应角色。")
    code = request.GET.get("agency") or request.POST.get("agency")
    if code:
        for agency in agencies:
            if agency.code == code:
                return agency, agencies
        raise PermissionDenied(f"您不能在该机关{what}。")
    return (agencies[0] if len(agencies) == 1 else None), agencies


def _item(request, pk):
    return get_object_or_404(
        items_visible_to(request.user).select_related("agency", "drafter", "category"), pk=pk
    )


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
            "can_draft": bool(_agencies_with(request.user, STAFF_ROLES)),
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
    agency, agencies = _chosen_agency(request, STAFF_ROLES, "起草信息")
    if agency is None:
        return render(request, "disclosure/choose_agency.html", {"agencies": agencies, "what": "起草信息"})
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
def item_edit(request, pk):
    item = _item(request, pk)
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


@login_required
def item_detail(request, pk):
    item = _item(request, pk)
    review = workflow.current_review(item)
    roles = roles_of(request.user, item.agency)
    try:
        due = publication_due(item.formed_on)
    except MissingCalendarYear:
        due = None
    published_on = timezone.localdate(item.published_at) if item.published_at else None
    return render(
        request,
        "disclosure/item_detail.html",
        {
            "item": item,
            # Sanitised on save; again on output, so a body written by any other path never runs here.
            "body": sanitise_body(item.body),
            "events": item.events.select_related("actor"),
            "attachments": item.attachments.all(),
            "distributions": item.distributions.all(),
            "interpretations": item.interpretations.all(),
            "documents": item.documents.all(),
            "review": review,
            "can_edit": can_edit_draft(request.user, item),
            "can_submit": item.status == ItemStatus.DRAFT and request.user.pk == item.drafter_id,
            "can_review": workflow.can_review(item, request.user),
            "is_own_draft": review is not None and request.user.pk == item.drafter_id,
            "can_withdraw": item.status == ItemStatus.PUBLISHED and bool(roles & {Role.LEADER, Role.ADMIN}),
            "can_distribute": item.status in (ItemStatus.PUBLISHED, ItemStatus.WITHDRAWN)
            and is_staff_of(request.user, item.agency),
            "due": due,
            "late": bool(due and published_on and published_on > due),
            "reason_form": ReasonForm(),
            "attachment_form": AttachmentForm(),
            "distribution_form": DistributionForm(initial={"date": timezone.localdate()}),
        },
    )


@login_required
@require_POST
def item_action(request, pk, action):
    item = _item(request, pk)
    try:
        if action == "submit":
            workflow.submit(item, request.user)
            messages.success(request, "已提交科室负责人审核。")
        elif action == "approve":
            item = workflow.approve(item, request.user)
            if item.status == ItemStatus.PUBLISHED:
                messages.success(request, f"已签发并发布，索引号 {item.index_number}。")
            else:
                messages.success(request, f"已通过，当前状态：{item.get_status_display()}。")
        elif action == "return":
            workflow.return_to_drafter(item, request.user, request.POST.get("reason", ""))
            messages.success(request, "已退回起草人。")
        else:
            raise PermissionDenied("未知操作。")
    except workflow.WorkflowError as exc:
        messages.error(request, str(exc))
    return redirect("disclosure:item", item.pk)


@login_required
def item_withdraw(request, pk):
    """Withdrawal asks for confirmation and a reason on its own page first."""
    item = _item(request, pk)
    # Refused before the confirmation page is shown, not only when it is submitted.
    if not roles_of(request.user, item.agency) & {Role.LEADER, Role.ADMIN}:
        raise PermissionDenied("撤回须由本机关的领导或管理员办理。")
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


@login_required
@require_POST
def attachment_upload(request, pk):
    item = _item(request, pk)
    if not can_edit_draft(request.user, item):
        raise PermissionDenied("只有草稿可以添加附件，且须由起草人办理。")
    form = AttachmentForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            add_attachment(item, form.cleaned_data["file"], request.user)
            messages.success(request, "附件已上传。")
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
    else:
        messages.error(request, "请选择要上传的文件。")
    return redirect("disclosure:item", item.pk)


@login_required
def attachment_download(request, pk, attachment_pk):
    item = _item(request, pk)
    attachment = get_object_or_404(item.attachments, pk=attachment_pk)
    return FileResponse(
        attachment.file.open("rb"),
        as_attachment=True,
        filename=attachment.original_name,
        content_type=attachment.content_type,
    )


@login_required
@require_POST
def attachment_delete(request, pk, attachment_pk):
    item = _item(request, pk)
    attachment = get_object_or_404(item.attachments, pk=attachment_pk)
    if not can_edit_draft(request.user, item):
        raise PermissionDenied("只有草稿的附件可以删除，且须由起草人办理。")
    remove_attachment(attachment, request.user)
    messages.success(request, "附件已删除。")
    return redirect("disclosure:item", item.pk)


@login_required
@require_POST
def distribution_add(request, pk):
    item = _item(request, pk)
    form = DistributionForm(request.POST)
    if form.is_valid():
        distribution = form.save(commit=False)
        distribution.item = item
        try:
            add_distribution(distribution, request.user)
            messages.success(request, "发布渠道已登记。")
        except DistributionError as exc:
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
            "can_register": bool(_agencies_with(request.user, REGISTER_ROLES)),
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
    agency, agencies = _chosen_agency(request, REGISTER_ROLES, "登记公文")
    if agency is None:
        return render(request, "disclosure/choose_agency.html", {"agencies": agencies, "what": "登记公文"})
    return _document_form(request, OfficialDocument(agency=agency), agency)


@login_required
def document_edit(request, pk):
    document = get_object_or_404(documents_visible_to(request.user).select_related("agency"), pk=pk)
    require_role(request.user, document.agency, *REGISTER_ROLES)
    return _document_form(request, document, document.agency)


# ---- catalogue ------------------------------------------------------------------------------------


def _visible_agency(request, code):
    return get_object_or_404(agencies_visible_to(request.user), code=code)


@login_required
def catalogue_index(request):
    agencies = agencies_visible_to(request.user).order_by("name")
    if agencies.count() == 1:
        return redirect("disclosure:catalogue", agencies[0].code)
    return render(
        request, "disclosure/choose_agency.html", {"agencies": agencies, "what": "查看主动公开基本目录"}
    )


@login_required
def catalogue(request, code):
    agency = _visible_agency(request, code)
    return render(
        request,
        "disclosure/catalogue.html",
        {
            "agency": agency,
            "rows": flatten(catalogue_tree(agency)),
            "can_edit": Role.ADMIN in roles_of(request.user, agency),
        },
    )


@login_required
def category_edit(request, code, pk=None):
    agency = _visible_agency(request, code)
    require_role(request.user, agency, Role.ADMIN)
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
def category_delete(request, code, pk):
    agency = _visible_agency(request, code)
    require_role(request.user, agency, Role.ADMIN)
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
    agencies = _agencies_with(request.user, ARCHIVE_ROLES)
    if not agencies:
        raise PermissionDenied("生成归档包须由本机关的领导或管理员办理。")
    form = ArchiveForm(request.GET or None, initial={"year": timezone.localdate().year - 1})
    code = request.GET.get("agency")
    agency = next((a for a in agencies if a.code == code), agencies[0] if len(agencies) == 1 else None)
    if request.GET.get("download") and agency and form.is_valid():
        year = form.cleaned_data["year"]
        buffer = io.BytesIO()
        build_archive(agency, year, buffer)
        audit.record("disclosure.archive", actor=request.user, agency=agency, details={"year": year})
        response = HttpResponse(buffer.getvalue(), content_type="application/zip")
        response["Content-Disposition"] = f'attachment; filename="{agency.code}-{year}-archive.zip"'
        return response
    return render(request, "disclosure/archive.html", {"form": form, "agencies": agencies, "agency": agency})
