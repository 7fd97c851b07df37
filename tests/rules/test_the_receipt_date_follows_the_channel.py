"""Art. 31 (docs/law.md §3): which date starts the clock on each channel."""

from datetime import date, datetime

import pytest

from gongkai.rules.channels import CHANNEL_CHOICES, Channel, ReceiptError, receipt_date


def d(text):
    return date.fromisoformat(text)


def test_the_channels_carry_their_chinese_names():
    assert dict(CHANNEL_CHOICES) == {
        "in_person": "当面提交",
        "post_signed": "邮寄（签收）",
        "post_unsigned": "邮寄（平常信函）",
        "online": "网络",
        "fax": "传真",
        "email": "电子邮件",
        "other": "其他",
    }


def test_in_person_the_submission_day_counts():
    assert receipt_date("in_person", d("2026-03-02")).date == d("2026-03-02")


def test_signed_mail_counts_from_the_signature():
    assert receipt_date(Channel.POST_SIGNED, d("2026-03-02"), d("2026-03-03")).date == d("2026-03-03")


@pytest.mark.parametrize("channel", ["online", "fax"])
def test_online_and_fax_count_from_mutual_confirmation(channel):
    receipt = receipt_date(channel, datetime(2026, 3, 2, 22, 15), d("2026-03-03"))
    assert receipt.date == d("2026-03-03")
    assert receipt.warnings == ()


def test_ordinary_mail_confirmed_the_same_day_raises_no_warning():
    receipt = receipt_date("post_unsigned", d("2026-03-02"), d("2026-03-02"))
    assert receipt == receipt.__class__(d("2026-03-02"), ())


def test_ordinary_mail_confirmed_later_is_accepted_with_a_warning():
    receipt = receipt_date("post_unsigned", d("2026-03-02"), d("2026-03-05"))
    assert receipt.date == d("2026-03-05")
    assert "收到当日" in receipt.warnings[0]


def test_email_counts_from_the_mailbox_unless_confirmed():
    assert receipt_date("email", d("2026-03-02")).date == d("2026-03-02")


def test_another_channel_without_confirmation_warns():
    receipt = receipt_date("other", d("2026-03-02"))
    assert receipt.date == d("2026-03-02")
    assert receipt.warnings


@pytest.mark.parametrize("channel", ["post_signed", "post_unsigned", "online", "fax"])
def test_a_channel_that_needs_a_confirmation_refuses_without_it(channel):
    with pytest.raises(ReceiptError, match="须填写"):
        receipt_date(channel, d("2026-03-02"))


def test_the_receipt_cannot_precede_the_arrival():
    with pytest.raises(ReceiptError, match="不能早于到达之日"):
        receipt_date("online", d("2026-03-02"), d("2026-03-01"))


def test_an_unknown_channel_is_refused():
    with pytest.raises(ValueError, match="未知的申请渠道"):
        receipt_date("pigeon", d("2026-03-02"))
