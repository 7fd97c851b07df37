"""The append-only audit trail (审计日志).

    from gongkai import audit
    audit.record("calendar.year.amend", actor=request.user, agency=agency, target=year, details={...})
    audit.verify()  # -> Verification(count, problem); .ok, .message

The functions are imported lazily so that `from gongkai import audit` works before Django's app registry
is ready (e.g. in another app's admin or models module).
"""


def record(action, *, actor=None, agency=None, target=None, details=None):
    from .chain import record as _record

    return _record(action, actor=actor, agency=agency, target=target, details=details)


def verify():
    from .chain import verify as _verify

    return _verify()
