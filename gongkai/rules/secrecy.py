"""保密审查 before an item is disclosed (《条例》第十四条、第十五条、第十七条).

The reviewer answers four questions and writes an opinion; these functions say whether the item may go on
to 签发 and, when it may not, why. They know nothing of Django.

- 涉及国家秘密, or 公开后可能危及国家安全、公共安全、经济安全、社会稳定 (“三安全一稳定”): such information is
  not disclosed (第十四条). An item meant for 主动公开 cannot pass; one already marked 不予公开 may (it is
  only filed).
- 涉及商业秘密、个人隐私: not disclosed unless the third party agrees or withholding would gravely harm the
  public interest (第十五条); the opinion must say which, or that the passages were removed.
- 依法需报批: when the agency cannot decide alone it asks the competent department or the secrecy
  administration (第十七条第二款); the opinion must record that answer.

Public API:
    QUESTIONS                                   (code, question) in the order asked
    secrecy_problems(answers, opinion, *, to_be_disclosed) -> list[str]   empty when the review may pass
"""

from collections.abc import Mapping

STATE_SECRET = "state_secret"
THIRD_PARTY = "third_party"
SECURITY_STABILITY = "security_stability"
NEEDS_APPROVAL = "needs_approval"

QUESTIONS: tuple[tuple[str, str], ...] = (
    (STATE_SECRET, "是否涉及国家秘密？"),
    (THIRD_PARTY, "是否涉及商业秘密、个人隐私等第三方合法权益？"),
    (SECURITY_STABILITY, "公开后是否可能危及国家安全、公共安全、经济安全、社会稳定（“三安全一稳定”）？"),
    (NEEDS_APPROVAL, "是否依法需要报有关主管部门或者保密行政管理部门审批？"),
)
CODES = tuple(code for code, _ in QUESTIONS)
MIN_OPINION = 4
# When an answer calls for an explanation, the opinion has to be long enough to give one.
MIN_EXPLAINED_OPINION = 10


def secrecy_problems(answers: Mapping[str, bool | None], opinion: str, *, to_be_disclosed: bool) -> list[str]:
    """What stops the review from passing: unanswered questions, a bar to disclosure, a missing opinion."""
    problems = []
    missing = [question for code, question in QUESTIONS if answers.get(code) not in (True, False)]
    if missing:
        problems.append("请逐项回答审查清单：" + "".join(missing))
        return problems
    opinion = (opinion or "").strip()
    if len(opinion) < MIN_OPINION:
        problems.append("请填写审查意见（至少 4 个字）。")
    if to_be_disclosed:
        if answers[STATE_SECRET]:
            problems.append("涉及国家秘密的信息不予公开（《条例》第十四条）：请退回起草人改为不予公开。")
        if answers[SECURITY_STABILITY]:
            problems.append(
                "公开后可能危及“三安全一稳定”的信息不予公开（《条例》第十四条）：请退回起草人改为不予公开。"
            )
        if len(opinion) >= MIN_OPINION and len(opinion) < MIN_EXPLAINED_OPINION:
            problems += needs_explanation(answers)
    return problems


def needs_explanation(answers: Mapping[str, bool | None]) -> list[str]:
    """What the opinion has to cover for the answers given (shown beside the opinion field)."""
    notes = []
    if answers.get(THIRD_PARTY):
        notes.append(
            "涉及第三方合法权益：意见中写明已删除相关内容、第三方同意公开，或不公开会对公共利益造成重大影响（第十五条）。"
        )
    if answers.get(NEEDS_APPROVAL):
        notes.append("需报批：意见中写明审批机关及其意见（第十七条第二款）。")
    return notes
