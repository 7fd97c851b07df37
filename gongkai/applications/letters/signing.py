"""Digital signatures on issued letters (PAdES, with pyHanko): the agency signs the PDF with its own
certificate, so the applicant, a reviewing body or a court can check that the file is the one the agency
issued and has not been altered since.

The certificate and its private key are set by the agency's 管理员 (a PKCS#12 file from the agency's
certificate authority) or, for a trial or the demo, made here as a self-signed certificate. The private key
is stored encrypted with the field key (gongkai.applications.crypto), never in clear.

    install_pkcs12(agency, data, password, *, actor) -> SigningCertificate     SigningError if unreadable
    install_self_signed(agency, *, actor=None, years=3) -> SigningCertificate
    certificate_for(agency) -> SigningCertificate | None
    sign_pdf(pdf, agency) -> (signed bytes, signer description)  unsigned bytes and "" without a certificate
    verify_pdf(pdf) -> Verification      is the signature intact, and whose is it
"""

import asyncio
import hashlib
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from io import BytesIO

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import NameOID
from django.db import transaction

from gongkai import audit

from .. import crypto
from ..models import SigningCertificate

FIELD_NAME = "机关签章"
REASON = "政府信息公开文书签发"


class SigningError(Exception):
    """The certificate cannot be used; the message says why, in Chinese."""


def certificate_for(agency) -> SigningCertificate | None:
    return SigningCertificate.objects.filter(agency=agency).first()


def _subject(certificate: x509.Certificate) -> str:
    names = certificate.subject.get_attributes_for_oid(NameOID.COMMON_NAME)
    return str(names[0].value) if names else certificate.subject.rfc4514_string()


def _pem(certificate: x509.Certificate) -> str:
    return certificate.public_bytes(serialization.Encoding.PEM).decode("ascii")


def _store(agency, key, certificate, chain, *, actor, self_signed) -> SigningCertificate:
    key_pem = key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    ).decode("ascii")
    fingerprint = certificate.fingerprint(hashes.SHA256()).hex()
    with transaction.atomic():
        stored, _created = SigningCertificate.objects.update_or_create(
            agency=agency,
            defaults={
                "certificate_pem": _pem(certificate),
                "chain_pem": "".join(_pem(c) for c in chain),
                "key_encrypted": crypto.encrypt(key_pem),
                "subject": _subject(certificate)[:300],
                "fingerprint": fingerprint,
                "not_after": certificate.not_valid_after_utc,
                "self_signed": self_signed,
                "installed_by": actor,
            },
        )
        audit.record(
            "letter.certificate.install",
            actor=actor,
            agency=agency.pk,
            target=stored,
            details={"subject": stored.subject, "fingerprint": fingerprint, "self_signed": self_signed},
        )
    return stored


def install_pkcs12(agency, data: bytes, password: str, *, actor) -> SigningCertificate:
    """The agency's certificate and key from a PKCS#12 (.p12/.pfx) file; refuses what cannot sign."""
    try:
        key, certificate, chain = pkcs12.load_key_and_certificates(data, password.encode("utf-8") or None)
    except ValueError:
        raise SigningError("无法读取证书文件：文件不是 PKCS#12（.p12/.pfx）格式，或密码不正确。") from None
    if key is None or certificate is None:
        raise SigningError("证书文件中没有私钥或证书，无法用于签名。")
    if certificate.not_valid_after_utc <= datetime.now(UTC):
        raise SigningError(f"证书已于 {certificate.not_valid_after_utc:%Y-%m-%d} 过期，请换用有效的证书。")
    return _store(agency, key, certificate, list(chain or []), actor=actor, self_signed=False)


def install_self_signed(agency, *, actor=None, years: int = 3) -> SigningCertificate:
    """A self-signed certificate in the agency's name: enough to show alterations, not issued by a CA."""
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    name = x509.Name(
        [
            x509.NameAttribute(NameOID.COUNTRY_NAME, "CN"),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, agency.name),
            x509.NameAttribute(NameOID.COMMON_NAME, agency.name),
        ]
    )
    now = datetime.now(UTC)
    certificate = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(days=1))
        .not_valid_after(now + timedelta(days=365 * years))
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=True,
                content_commitment=True,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=False,
                crl_sign=False,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .sign(key, hashes.SHA256())
    )
    return _store(agency, key, certificate, [], actor=actor, self_signed=True)


def _signer(stored: SigningCertificate):
    from asn1crypto import keys as asn1_keys
    from asn1crypto import x509 as asn1_x509
    from pyhanko.sign import signers
    from pyhanko_certvalidator.registry import SimpleCertificateStore

    key = serialization.load_pem_private_key(crypto.decrypt(stored.key_encrypted).encode("ascii"), None)
    key_der = key.private_bytes(
        serialization.Encoding.DER, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )

    def der(pem: str) -> bytes:
        return x509.load_pem_x509_certificate(pem.encode("ascii")).public_bytes(serialization.Encoding.DER)

    chain = (
        [
            asn1_x509.Certificate.load(c.public_bytes(serialization.Encoding.DER))
            for c in x509.load_pem_x509_certificates(stored.chain_pem.encode("ascii"))
        ]
        if stored.chain_pem
        else []
    )
    return signers.SimpleSigner(
        signing_cert=asn1_x509.Certificate.load(der(stored.certificate_pem)),
        signing_key=asn1_keys.PrivateKeyInfo.load(key_der),
        cert_registry=SimpleCertificateStore.from_certs(chain),
    )


def sign_pdf(pdf: bytes, agency) -> tuple[bytes, str]:
    """The PDF with the agency's PAdES signature, and who signed it ("主体（SHA-256 指纹）")."""
    stored = certificate_for(agency)
    if stored is None:
        return pdf, ""
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign import fields, signers

    writer = IncrementalPdfFileWriter(BytesIO(pdf))
    metadata = signers.PdfSignatureMetadata(
        field_name=FIELD_NAME,
        reason=REASON,
        name=stored.subject,
        subfilter=fields.SigSeedSubFilter.PADES,
        md_algorithm="sha256",
    )
    out = signers.PdfSigner(metadata, signer=_signer(stored)).sign_pdf(writer)
    return out.getvalue(), f"{stored.subject}（SHA-256 {stored.fingerprint}）"


@dataclass(frozen=True)
class Verification:
    signed: bool
    intact: bool  # the signed bytes hash to the signature's digest and cover the whole file
    signer: str = ""
    fingerprint: str = ""

    @property
    def valid(self) -> bool:
        return self.signed and self.intact


def verify_pdf(pdf: bytes, trusted_pem: str | None = None) -> Verification:
    """Whether the PDF carries an intact signature over all of it (pyHanko's validation); `trusted_pem`
    makes the certificate a trust root, as a self-signed agency certificate must be to be trusted."""
    # pyHanko validates on an event loop of its own: from code that already runs one, use another thread.
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return _verify(pdf, trusted_pem)
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(_verify, pdf, trusted_pem).result()


def _verify(pdf: bytes, trusted_pem: str | None) -> Verification:
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko_certvalidator import ValidationContext

    reader = PdfFileReader(BytesIO(pdf))
    if not reader.embedded_signatures:
        return Verification(signed=False, intact=False)
    embedded = reader.embedded_signatures[-1]
    context = None
    if trusted_pem:
        from asn1crypto import x509 as asn1_x509

        der = x509.load_pem_x509_certificate(trusted_pem.encode("ascii")).public_bytes(
            serialization.Encoding.DER
        )
        context = ValidationContext(trust_roots=[asn1_x509.Certificate.load(der)])
    status = validate_pdf_signature(embedded, context)
    cert = embedded.signer_cert
    coverage_ok = status.coverage is not None and status.coverage.name == "ENTIRE_FILE"
    return Verification(
        signed=True,
        intact=bool(status.intact and status.valid and coverage_ok),
        signer=cert.subject.native.get("common_name", ""),
        fingerprint=hashlib.sha256(cert.dump()).hexdigest(),
    )
