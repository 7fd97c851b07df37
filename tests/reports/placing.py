"""Cases placed by hand on chosen dates, through the services, for the report tests.

place(agency, received, applicant_type=..., outcome=..., decided=..., corrected=..., withdrawn=...)
"""

from datetime import timedelta

from gongkai.applications.services import record_event
from tests.factories import make_application, valid_uscc


def place(
    agency,
    received,
    *,
    applicant_type="natural_person",
    outcome=None,
    decided=None,
    corrected=None,
    withdrawn=None,
):
    """An application received on `received`; corrected on `corrected` (补正 asked the next day), decided
    with `outcome` on `decided`, or withdrawn on `withdrawn`."""
    fields = {"applicant_type": applicant_type}
    if applicant_type != "natural_person":
        fields.update(applicant_name="某某有限公司", uscc=valid_uscc(), contact_person="李四")
    application, _ = make_application(agency, received_on=received, **fields)
    if corrected is not None:
        record_event(
            application,
            "correction_requested",
            date=received + timedelta(days=1),
            data={"correction_deadline": corrected + timedelta(days=10)},
            actor=None,
        )
        record_event(application, "correction_received", date=corrected, actor=None)
    if decided is not None:
        record_event(application, "decided", date=decided, data={"outcome": outcome or "granted"}, actor=None)
    if withdrawn is not None:
        record_event(application, "withdrawn", date=withdrawn, actor=None)
    return application
