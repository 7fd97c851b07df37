"""Masks for personal contact data shown on screens (PIPL: show no more than the work needs).

    mask_phone("13812345678")        -> "138****5678"
    mask_phone("0577-61882068")      -> "0577-****2068"
    mask_email("zhangsan@qq.com")    -> "z*******@qq.com"
    mask_address("浙江省乐清市城东街道旭阳路6号") -> "浙江省乐清市**************"

Identity numbers have their own mask in gongkai.rules.identity. Every mask keeps the length (so a person
can tell two entries apart by shape) and never shows a short value whole.
"""

KEEP_PHONE_END = 4
KEEP_ADDRESS_START = 6


def mask_phone(text: str) -> str:
    """Keep the prefix (area code or first 3 digits) and the last 4 digits."""
    text = str(text or "")
    digits = [i for i, ch in enumerate(text) if ch.isdigit()]
    if len(digits) <= KEEP_PHONE_END + 3:
        return "*" * len(text)
    keep_start = text.index("-") + 1 if "-" in text else digits[2] + 1
    keep_end = digits[-KEEP_PHONE_END]
    return "".join(
        ch if i < keep_start or i >= keep_end or not ch.isdigit() else "*" for i, ch in enumerate(text)
    )


def mask_email(text: str) -> str:
    """Keep the first character of the mailbox and the whole domain."""
    text = str(text or "")
    local, at, domain = text.partition("@")
    if not at or not local:
        return "*" * len(text)
    return local[0] + "*" * (len(local) - 1) + "@" + domain


def mask_address(text: str) -> str:
    """Keep the first 6 characters (province and city, usually) and hide the rest."""
    text = str(text or "")
    if len(text) <= KEEP_ADDRESS_START:
        return "*" * len(text)
    return text[:KEEP_ADDRESS_START] + "*" * (len(text) - KEEP_ADDRESS_START)


def mask_name(text: str) -> str:
    """Keep the surname (first character): 张三 -> 张*, 欧阳娜娜 -> 欧***."""
    text = str(text or "")
    if len(text) <= 1:
        return "*" * len(text)
    return text[0] + "*" * (len(text) - 1)
