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
from .letter import Letter, LetterCounter, LetterError, LetterKind, LetterLocked, LetterSettings, LetterStatus

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
    "LetterCounter",
    "LetterError",
    "LetterKind",
    "LetterLocked",
    "LetterSettings",
    "LetterStatus",
    "Route",
    "delivery_proof_path",
    "identity_document_path",
    "private_storage",
    "sha256_hex",
]
