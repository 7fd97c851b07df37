"""Run inside the server's environment (own process): prepare the data a load or crash run needs, and
check afterwards that nothing is half-written.

    python -m loadtest.seed setup --items N      prints JSON: agency code, user names, pending item ids
    python -m loadtest.seed check FILE           FILE: JSON {"references": [...], "published": [...]}
                                                 prints JSON {"problems": [...], "applications": n, ...}
"""

import argparse
import json
import os
import sys
from datetime import date

from django.contrib.auth.hashers import PBKDF2PasswordHasher


def setup(items: int) -> dict:
    from django.conf import settings

    # Seeded accounts get a cheap PBKDF2 hash (same algorithm, fewer rounds, which the hash itself
    # records): the server verifies it as usual, and seeding does not spend seconds per account.
    settings.PASSWORD_HASHERS = ["loadtest.seed.QuickSeedHasher"]
    from gongkai.disclosure import workflow
    from gongkai.disclosure.models import DisclosureAttribute, Item
    from gongkai.rules.secrecy import CODES as SECRECY_CODES
    from tests.factories import PASSWORD, make_item, make_personas

    people = make_personas()
    pending = []
    for n in range(items):
        item = Item(
            agency=people.agency,
            drafter=people.registrar,
            title=f"关于第{n + 1}批退役军人优待证发放工作的通知",
            body="<p>为做好退役军人优待证发放工作，现将有关事项通知如下。</p>",
            formed_on=date(2026, 3, 2),
            attribute=DisclosureAttribute.PROACTIVE,
        )
        item = workflow.save_draft(item, people.registrar)
        workflow.submit(item, people.registrar)
        item = workflow.approve(item, people.department_head)
        item = workflow.approve(  # now awaiting the leader's 签发
            item,
            people.reviewer,
            checklist=dict.fromkeys(SECRECY_CODES, False),
            opinion="经审查，不涉及国家秘密和第三方权益，同意公开。",
        )
        pending.append(item.pk)
    for n in range(30):  # something for readers to browse and search
        make_item(
            people.agency,
            drafter=people.registrar,
            title=f"乐清市退役军人事务局{2026 - n % 5}年工作要点（第{n}号）",
        )
    return {
        "agency": people.agency.code,
        "password": PASSWORD,
        "leader": people.leader.username,
        "pending": pending,
    }


class QuickSeedHasher(PBKDF2PasswordHasher):
    iterations = 1000


def check(acknowledged: dict) -> dict:
    from collections import Counter

    from gongkai import audit
    from gongkai.applications.models import Application
    from gongkai.disclosure.models import Item, ItemStatus

    problems = []
    references = Counter(Application.objects.values_list("reference", flat=True))
    for reference in acknowledged.get("references", []):
        if references[reference] != 1:
            problems.append(f"已确认的受理编号 {reference} 在数据库中有 {references[reference]} 条")
    for application in Application.objects.prefetch_related("events", "identity_documents"):
        received = [e for e in application.events.all() if e.type == "received"]
        if len(received) != 1:
            problems.append(f"{application.reference} 的收到申请事件有 {len(received)} 条")
        documents = list(application.identity_documents.all())
        if application.submitted_online and not documents:
            problems.append(f"{application.reference} 缺少身份证明材料")
        for document in documents:
            if not document.file.storage.exists(document.file.name):
                problems.append(f"{application.reference} 的身份证明文件 {document.file.name} 不存在")
    published = set(acknowledged.get("published", []))
    pending = set(acknowledged.get("pending", []))  # went through the workflow (the others were seeded)
    index_numbers = Counter()
    for item in Item.objects.prefetch_related("events"):
        is_published = item.status == ItemStatus.PUBLISHED
        if is_published and not (item.index_number and item.published_at):
            problems.append(f"信息 {item.pk} 已发布但缺少索引号或发布时间")
        signed_off = any(e.to_status == ItemStatus.PUBLISHED for e in item.events.all())
        if item.pk in pending and is_published and not signed_off:
            problems.append(f"信息 {item.pk} 已发布但没有签发记录")
        if not is_published and item.index_number and item.status != ItemStatus.WITHDRAWN:
            problems.append(f"信息 {item.pk} 未发布却有索引号")
        if item.pk in published and not is_published:
            problems.append(f"已确认签发的信息 {item.pk} 未处于已发布状态")
        if item.index_number:
            index_numbers[item.index_number] += 1
    problems += [f"索引号 {n} 重复 {c} 次" for n, c in index_numbers.items() if c > 1]
    verification = audit.verify()
    if not verification.ok:
        problems.append(verification.message)
    return {
        "problems": problems,
        "applications": sum(references.values()),
        "published": Item.objects.filter(status=ItemStatus.PUBLISHED).count(),
        "audit": verification.message,
    }


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m loadtest.seed")
    sub = parser.add_subparsers(dest="command", required=True)
    s = sub.add_parser("setup")
    s.add_argument("--items", type=int, default=0)
    c = sub.add_parser("check")
    c.add_argument("file")
    args = parser.parse_args(argv)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "gongkai.settings")
    import django

    django.setup()
    if args.command == "setup":
        result = setup(args.items)
    else:
        with open(args.file, encoding="utf-8") as handle:
            result = check(json.load(handle))
    json.dump(result, sys.stdout, ensure_ascii=False)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
