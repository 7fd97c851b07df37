"""The legal receipt date of an application (收到申请之日) by channel — 条例 Art. 31, docs/law.md §3.

    in_person      当面提交            the day of submission
    post_signed    邮寄（签收）        the day the agency signs for it
    post_unsigned  邮寄（平常信函）    the day the office confirms with the applicant, which must be the day it
                                       arrives (a later date is accepted with a warning: 国办公开办函〔2015〕207号
                                       starts the clock when an unreachable applicant is reached)
    online, fax    网络, 传真          the day both sides confirm
    email          电子邮件            the day the published mailbox received it (207号), unless confirmed later
    other          其他                the day both sides confirm, if known; else the arrival day, with a warning

Both dates are kept by the caller: the arrival and the legal receipt date that starts the clock.

Public API:
    Channel (StrEnum, .label), CHANNEL_CHOICES
    receipt_date(channel, arrived_on, confirmed_on=None) -> Receipt(date, warnings)
    ReceiptError(ValueError)
"""

from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum


class ReceiptError(ValueError):
    """The dates cannot give a receipt date; the message says why, in Chinese."""


class Channel(StrEnum):
    IN_PERSON = "in_person"
    POST_SIGNED = "post_signed"
    POST_UNSIGNED = "post_unsigned"
    ONLINE = "online"
    FAX = "fax"
    EMAIL = "email"
    OTHER = "other"

    @property
    def label(self) -> str:
        return CHANNEL_LABELS[self]


CHANNEL_LABELS = {
    Channel.IN_PERSON: "当面提交",
    Channel.POST_SIGNED: "邮寄（签收）",
    Channel.POST_UNSIGNED: "邮寄（平常信函）",
    Channel.ONLINE: "网络",
    Channel.FAX: "传真",
    Channel.EMAIL: "电子邮件",
    Channel.OTHER: "其他",
}
CHANNEL_CHOICES = [(c.value, c.label) for c in Channel]

# What the second date means on each channel, for messages; None: the channel needs no second date.
CONFIRMATION_MEANING = {
    Channel.IN_PERSON: None,
    Channel.POST_SIGNED: "签收日期",
    Channel.POST_UNSIGNED: "与申请人确认的日期",
    Channel.ONLINE: "双方确认的日期",
    Channel.FAX: "双方确认的日期",
    Channel.EMAIL: "确认日期",
    Channel.OTHER: "双方确认的日期",
}
REQUIRED = frozenset({Channel.POST_SIGNED, Channel.POST_UNSIGNED, Channel.ONLINE, Channel.FAX})


@dataclass(frozen=True)
class Receipt:
    date: date
    warnings: tuple[str, ...] = ()


def receipt_date(channel: Channel | str, arrived_on: date, confirmed_on: date | None = None) -> Receipt:
    """The receipt date that starts the statutory clock, with warnings (Chinese) for staff to look at.

    `arrived_on` is when the application physically or electronically arrived (a datetime is taken by its
    date); `confirmed_on` is the channel's second date: the signature (post_signed), the confirmation with
    the applicant (post_unsigned, online, fax, other, optionally email). Raises ReceiptError when a
    required date is missing or the receipt would precede the arrival.
    """
    try:
        channel = Channel(channel)
    except ValueError:
        known = "、".join(c.value for c in Channel)
        raise ReceiptError(f"未知的申请渠道“{channel}”（可用：{known}）") from None
    arrived_on = _as_date(arrived_on, "到达日期")
    confirmed_on = _as_date(confirmed_on, "确认日期") if confirmed_on is not None else None
    meaning = CONFIRMATION_MEANING[channel]
    warnings: list[str] = []

    if channel is Channel.IN_PERSON:
        if confirmed_on is not None and confirmed_on != arrived_on:
            warnings.append("当面提交的申请以提交当日为收到申请之日，另填的确认日期不予采用")
        return Receipt(arrived_on, tuple(warnings))

    if confirmed_on is None:
        if channel in REQUIRED:
            raise ReceiptError(f"“{channel.label}”渠道须填写{meaning}，以此作为收到申请之日")
        if channel is Channel.OTHER:
            warnings.append("其他渠道未填写双方确认的日期，暂以到达日期作为收到申请之日，请与申请人确认")
        return Receipt(arrived_on, tuple(warnings))

    if confirmed_on < arrived_on:
        raise ReceiptError(
            f"{meaning} {confirmed_on.isoformat()} 早于到达日期 {arrived_on.isoformat()}，收到申请之日不能早于到达之日"
        )
    if channel is Channel.POST_UNSIGNED and confirmed_on != arrived_on:
        warnings.append(
            f"平常信函应在收到当日与申请人确认（到达 {arrived_on.isoformat()}，确认 {confirmed_on.isoformat()}），"
            "请在登记中写明延后确认的原因"
        )
    return Receipt(confirmed_on, tuple(warnings))


def _as_date(value, what: str) -> date:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    raise ReceiptError(f"{what}无效：“{value}”")
