"""An item's attachments as the public gets them: listed under the body, downloaded under their own
(Chinese) names, images shown where the body places them.

A body refers to one of its item's images by the workspace address the editor inserted when the image was
uploaded (/workspace/disclosure/<item>/attachments/<id>/); on the portal and in the API that address becomes
the public one, /<agency code>/files/<id>/, which answers only while the item is public (410 once withdrawn).
"""

import re
from dataclasses import dataclass

from django.urls import reverse

from gongkai.disclosure.attachments import IMAGES, kind_label
from gongkai.disclosure.models import Attachment

# src="…/workspace/disclosure/12/attachments/34/" (absolute or relative, with or without the trailing slash).
WORKSPACE_IMAGE = re.compile(
    r'(?P<attr>src|href)="(?:https?://[^"/]+)?/workspace/disclosure/(?P<item>\d+)/attachments/(?P<pk>\d+)/?"'
)


@dataclass(frozen=True)
class PublicAttachment:
    pk: int
    name: str
    content_type: str
    type_label: str
    size: int
    sha256: str
    url: str

    @property
    def is_image(self) -> bool:
        return self.content_type in IMAGES


def attachment_url(agency_code: str, pk: int) -> str:
    return reverse("portal:attachment", args=[agency_code, pk])


def public_attachments(item, agency_code: str) -> list[PublicAttachment]:
    rows = Attachment.objects.filter(item=item).order_by("pk")
    return [
        PublicAttachment(
            pk=a.pk,
            name=a.original_name,
            content_type=a.content_type,
            type_label=kind_label(a.content_type),
            size=a.size,
            sha256=a.sha256,
            url=attachment_url(agency_code, a.pk),
        )
        for a in rows.only("pk", "original_name", "content_type", "size", "sha256")
    ]


def public_body(body: str, item, agency_code: str, attachments: list[PublicAttachment]) -> str:
    """The (already sanitised) body with this item's attachment addresses made public ones.

    An address of another item's attachment is left as it is (a workspace address the public cannot open):
    an item can only show its own files.
    """
    own = {a.pk for a in attachments}

    def public(match: re.Match) -> str:
        pk = int(match["pk"])
        if int(match["item"]) != item.pk or pk not in own:
            return match[0]
        return f'{match["attr"]}="{attachment_url(agency_code, pk)}"'

    return WORKSPACE_IMAGE.sub(public, body) if "/workspace/disclosure/" in body else body
