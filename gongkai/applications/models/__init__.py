"""The records of 依申请公开: cases and their events (case), letters with their settings and numbering
(letter), and the files kept with a case (files). Table names and the app label are those of the app."""

from .case import (
    INTERNAL_KINDS,
    Application,
    ApplicationCounter,
    ApplicationEvent,
    Carrier,
    EventKind,
    IdType,
    Route,
)
from .files import (
    DeliveryProof,
    IdentityDocument,
    delivery_proof_path,
    identity_document_path,
    private_storage,
    sha256_hex,
)
from .letter import (
    Letter,
    LetterAttachment,
    LetterCounter,
    LetterDelivery,
    LetterError,
    LetterKind,
    LetterLocked,
    LetterReview,
    LetterSettings,
    LetterStatus,
    SigningCertificate,
)

__all__ = [
    "Application",
    "ApplicationCounter",
    "ApplicationEvent",
    "Carrier",
    "DeliveryProof",
    "EventKind",
    "INTERNAL_KINDS",
    "IdType",
    "IdentityDocument",
    "Letter",
    "LetterAttachment",
    "LetterDelivery",
    "LetterReview",
    "LetterCounter",
    "LetterError",
    "LetterKind",
    "LetterLocked",
    "LetterSettings",
    "LetterStatus",
    "Route",
    "SigningCertificate",
    "delivery_proof_path",
    "identity_document_path",
    "private_storage",
    "sha256_hex",
]
