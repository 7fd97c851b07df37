"""Files kept with a case: identity documents and delivery proof, in the private storage (gongkai.storage), with
no address of their own (the views stream them after the permission checks), encrypted at rest
(gongkai.applications.file_storage)."""

import hashlib
import uuid
from pathlib import Path

from django.core.files.storage import Storage
from django.db import models

from gongkai import storage

from ..file_storage import encrypted_private_storage
from .case import Application, user_reference


def private_storage() -> Storage:
    """The private storage (kept under this name: migrations refer to it)."""
    return storage.private()


def case_file_name(folder: str, agency_id: int, filename: str) -> str:
    """Where a case's file is stored: a folder per kind and agency, and a random name that keeps only the
    upload's suffix (never the uploader's name, which may carry personal data)."""
    return f"{folder}/{agency_id}/{uuid.uuid4().hex}{Path(filename).suffix.lower()}"


def identity_document_path(instance, filename) -> str:
    return case_file_name("identity", instance.application.agency_id, filename)


class IdentityDocument(models.Model):
    application = models.ForeignKey(
        Application, verbose_name="申请", on_delete=models.CASCADE, related_name="identity_documents"
    )
    file = models.FileField(
        "文件", upload_to=identity_document_path, storage=encrypted_private_storage, max_length=200
    )
    content_type = models.CharField("文件类型", max_length=40)
    size = models.PositiveIntegerField("大小（字节）")
    original_name = models.CharField("原文件名", max_length=200, blank=True)
    uploaded_by = user_reference("上传人")
    uploaded_at = models.DateTimeField("上传时间", auto_now_add=True)

    class Meta:
        verbose_name = "身份证明材料"
        verbose_name_plural = "身份证明材料"
        ordering = ["uploaded_at", "id"]

    def __str__(self) -> str:
        return f"{self.application.reference} 身份证明 {self.pk}"


def delivery_proof_path(instance, filename) -> str:
    return case_file_name("delivery", instance.application.agency_id, filename)


class DeliveryProof(models.Model):
    """送达回证, 邮寄凭证 and the like: kept privately with the case for its archive."""

    application = models.ForeignKey(
        Application, verbose_name="申请", on_delete=models.PROTECT, related_name="delivery_proofs"
    )
    file = models.FileField(
        "文件", upload_to=delivery_proof_path, storage=encrypted_private_storage, max_length=200
    )
    content_type = models.CharField("文件类型", max_length=40)
    size = models.PositiveIntegerField("大小（字节）")
    sha256 = models.CharField("SHA-256", max_length=64)
    description = models.CharField("说明", max_length=200, blank=True)
    uploaded_by = user_reference("上传人")
    uploaded_at = models.DateTimeField("上传时间", auto_now_add=True)

    class Meta:
        verbose_name = "送达凭证"
        verbose_name_plural = "送达凭证"
        ordering = ["uploaded_at", "id"]

    def __str__(self) -> str:
        return f"{self.application.reference} 送达凭证 {self.pk}"


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()
