"""Password rules beyond Django's own validators (whose messages Django already translates): a password
must mix kinds of characters, as the 等级保护 baseline asks of government systems."""

import string

from django.core.exceptions import ValidationError

KINDS = (
    ("小写字母", lambda ch: ch in string.ascii_lowercase),
    ("大写字母", lambda ch: ch in string.ascii_uppercase),
    ("数字", lambda ch: ch in string.digits),
    ("符号", lambda ch: not ch.isalnum() and not ch.isspace()),
)


class CharacterKindsValidator:
    """At least `kinds` of: lower-case letters, capitals, digits, symbols."""

    def __init__(self, kinds: int = 3):
        self.kinds = kinds

    def validate(self, password, user=None):
        present = [name for name, test in KINDS if any(test(ch) for ch in password)]
        if len(present) < self.kinds:
            raise ValidationError(
                f"密码须包含小写字母、大写字母、数字、符号中的至少 {self.kinds} 种"
                f"（现只有{'、'.join(present) or '一种也没有'}）。",
                code="password_too_simple",
            )

    def get_help_text(self):
        return f"密码须包含小写字母、大写字母、数字、符号中的至少 {self.kinds} 种。"
