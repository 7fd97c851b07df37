"""信息处理费 on cases (国办函〔2020〕109号): which method applies, the amount — always computed by
gongkai.rules.fees, never typed —, and the totals per agency and year for §六 of the annual report.

The fee notice and the payment are clock events (`fee_notice_received`, `fee_paid`); their data hold
`fee_method`, `amount` (whole yuan) and the figure the amount came from (`month_index` or `pages`). The key is
`fee_method`, not `method`, because `method` is the delivery method in the clock's vocabulary.

    PER_PAGE_CARRIERS                 carriers under which pages can be counted (109号 Art. 5)
    month_index(application) -> int   this case is the k-th of its applicant this calendar month
    assess(application, method, *, pages=None) -> Assessment      FeeError if the method cannot apply
    fee_notice_data(application, data) -> dict   the event data with the computed amount (services use it)
    fee_paid_data(application, data) -> dict     the payment defaults to the notice's amount
    fee_of(application) -> Assessment | None     the case's fee notice, if any
    fee_totals(agency, year) -> FeeTotals        cases charged and yuan paid, by payment date
"""

from dataclasses import dataclass

from django.db.models import Q

from gongkai.rules.clock import ClockError, EventType
from gongkai.rules.fees import FeeMethod, application_fee, per_item_fee, per_page_bands

from .models import Application, ApplicationEvent, Carrier, Route

# 109号 Art. 5: 按量计收 only where copies are made — paper, e-mail, or copied electronic data (光盘, 磁盘).
PER_PAGE_CARRIERS = frozenset({Carrier.PAPER, Carrier.EMAIL, Carrier.CD, Carrier.DISK})


class FeeError(ClockError):
    """A fee that the 109号 measures do not allow; a ClockError so the event screens show it unsaved."""


@dataclass(frozen=True)
class Assessment:
    method: FeeMethod
    amount: int  # yuan
    month_index: int | None = None
    pages: int | None = None

    def breakdown(self) -> list[str]:
        """Lines for the 收费通知书."""
        if self.method is FeeMethod.PER_ITEM:
            return [
                f"本申请为您本自然月内向本机关提出的第 {self.month_index} 件政府信息公开申请，"
                f"按件计收标准为 {per_item_fee(self.month_index)} 元/件"
            ]
        return [band.describe() for band in per_page_bands(self.pages)]

    def as_data(self) -> dict:
        data = {"fee_method": self.method.value, "amount": self.amount}
        if self.month_index is not None:
            data["month_index"] = self.month_index
        if self.pages is not None:
            data["pages"] = self.pages
        return data


def month_index(application: Application) -> int:
    """The position of this case among the same applicant's applications to the same agency in the
    calendar month of its receipt date (109号 Art. 4: per applicant, per natural month, cumulative)."""
    day = application.received_on
    earlier = Application.objects.filter(
        agency=application.agency_id,
        applicant_key=application.applicant_key,
        received_on__year=day.year,
        received_on__month=day.month,
    ).filter(Q(received_on__lt=day) | Q(received_on=day, sequence__lt=application.sequence))
    return earlier.count() + 1


def per_page_allowed(application: Application) -> bool:
    carriers = set(application.carriers or [])
    routes = set(application.routes or [])
    # Reading and copying out by hand on the premises produces no pages to count.
    return bool(carriers & PER_PAGE_CARRIERS) and routes != {Route.INSPECT}


def assess(application: Application, method, *, pages: int | None = None) -> Assessment:
    try:
        method = FeeMethod(method)
    except ValueError:
        raise FeeError(f"未知的计收方式“{method}”") from None
    if method is FeeMethod.NONE:
        raise FeeError("不收费的申请不需要收费通知")
    if method is FeeMethod.PER_ITEM:
        if pages is not None:
            raise FeeError("同一申请只能选择按件或按量一种方式计收，按件计收不填页数")
        k = month_index(application)
        amount = application_fee(method, month_index=k)
        if amount == 0:
            raise FeeError(f"本申请是该申请人本月第 {k} 件申请，在免费件数（10 件）以内，不收费")
        return Assessment(method, amount, month_index=k)
    if pages is None:
        raise FeeError("按量计收须填写页数")
    if not per_page_allowed(application):
        raise FeeError(
            "按量计收只适用于以纸质、电子邮件或复制电子数据方式提供的申请（国办函〔2020〕109号第五条），"
            f"本申请的提供方式为“{application.get_carriers_display() or '未填写'}”"
        )
    try:
        amount = application_fee(method, pages=pages)
    except ValueError as exc:
        raise FeeError(str(exc)) from None
    if amount == 0:
        raise FeeError(f"{pages} 页在免费页数（30 页）以内，不收费")
    return Assessment(method, amount, pages=pages)


def _notices(application: Application):
    return application.events.filter(type=EventType.FEE_NOTICE_RECEIVED).order_by("date", "id")


def fee_notice_data(application: Application, data: dict) -> dict:
    """The fee notice's event data with the amount computed here; any typed amount is ignored. A second
    notice must use the method of the first (109号 Art. 3: never both methods for one application)."""
    pages = data.get("pages")
    assessment = assess(application, data.get("fee_method"), pages=int(pages) if pages else None)
    first = _notices(application).first()
    if first is not None and first.data.get("fee_method") != assessment.method.value:
        raise FeeError("本申请已按另一种方式发出收费通知，同一申请不得同时按件和按量计收")
    return {**{k: v for k, v in data.items() if k not in ("amount", "pages")}, **assessment.as_data()}


def fee_paid_data(application: Application, data: dict) -> dict:
    notice = _notices(application).last()
    if notice is None:
        raise FeeError("尚未发出收费通知，不能记录缴费")
    out = dict(data)
    out.setdefault("amount", notice.data.get("amount"))
    out["fee_method"] = notice.data.get("fee_method")
    return out


def fee_of(application: Application) -> Assessment | None:
    notice = _notices(application).last()
    if notice is None:
        return None
    data = notice.data
    return Assessment(
        FeeMethod(data["fee_method"]), int(data["amount"]), data.get("month_index"), data.get("pages")
    )


@dataclass(frozen=True)
class FeeTotals:
    cases: int  # applications with a fee paid in the year
    amount: int  # yuan paid in the year


def fee_totals(agency, year: int) -> FeeTotals:
    """信息处理费 collected by `agency` in `year`, counted by the date of payment (fee_paid events)."""
    paid = ApplicationEvent.objects.filter(
        application__agency=agency, type=EventType.FEE_PAID, date__year=year
    ).values_list("application_id", "data")
    cases = set()
    amount = 0
    for application_id, data in paid:
        cases.add(application_id)
        amount += int((data or {}).get("amount") or 0)
    return FeeTotals(cases=len(cases), amount=amount)
