"""`gongkai search rebuild|apply|status|forget`: this server's search index, from the command line."""

import sys
import time

from django.conf import settings


def register(subparsers) -> None:
    p = subparsers.add_parser("search", help="检索索引：重建、更新、查看各服务器的索引")
    commands = p.add_subparsers(title="子命令", metavar="<子命令>", parser_class=type(p))
    c = commands.add_parser("rebuild", help="由数据库重建本服务器的检索索引（显示进度；完成前检索照常）")
    c.set_defaults(func=rebuild)
    c = commands.add_parser("apply", help="把等待中的修改写入本服务器的检索索引（worker 每秒自动进行）")
    c.set_defaults(func=apply)
    c = commands.add_parser("status", help="列出各服务器的检索索引：建立时间、最近更新、等待写入的条数")
    c.set_defaults(func=status)
    c = commands.add_parser("forget", help="不再为某台服务器保留待写入的修改（该服务器已停用时）")
    c.add_argument("node", help="服务器名（见 gongkai search status）")
    c.set_defaults(func=forget)


class ProgressBar:
    """A progress bar on stderr, redrawn in place: `bar(done, total)` after each batch."""

    def __init__(self, label: str, width: int = 30):
        self.label, self.width, self.started = label, width, time.perf_counter()

    def __call__(self, done: int, total: int) -> None:
        share = done / total if total else 1.0
        filled = int(min(share, 1.0) * self.width)
        rate = done / max(time.perf_counter() - self.started, 1e-9)
        sys.stderr.write(
            f"\r{self.label} [{'#' * filled}{'.' * (self.width - filled)}] {share:6.1%} {done:,}/{total:,}"
            f"  {rate:,.0f} 条/秒"
        )
        sys.stderr.flush()


def _uses_index() -> bool:
    if settings.SEARCH_BACKEND != "index":
        print("本服务器设置为 GONGKAI_SEARCH=database，检索直接查询数据库，不使用检索索引。", file=sys.stderr)
        return False
    return True


def rebuild(args) -> int:
    from gongkai.search import outbox

    if not _uses_index():
        return 2
    started = time.perf_counter()
    count = outbox.rebuild(progress=ProgressBar("建立检索索引"))
    sys.stderr.write("\n")
    print(
        f"已重建服务器 {outbox.node_name()} 的检索索引：{count:,} 条公开信息，用时 {time.perf_counter() - started:.1f} 秒"
    )
    return 0


def apply(args) -> int:
    from gongkai.search import outbox

    if not _uses_index():
        return 2
    if not outbox.SearchNode.objects.filter(name=outbox.node_name()).exists():
        print(
            f"服务器 {outbox.node_name()} 还没有检索索引，请先运行 gongkai search rebuild。", file=sys.stderr
        )
        return 1
    print(f"已写入 {outbox.apply():,} 项修改（服务器 {outbox.node_name()}）")
    return 0


def status(args) -> int:
    from django.db.models import Count
    from django.utils import timezone

    from gongkai.search import outbox
    from gongkai.search.models import SearchNode, SearchOutbox

    waiting = dict(
        SearchOutbox.objects.values_list("node_id").annotate(n=Count("pk")).values_list("node_id", "n")
    )
    nodes = list(SearchNode.objects.order_by("name"))
    print(f"本服务器：{outbox.node_name()}（GONGKAI_SEARCH={settings.SEARCH_BACKEND}）")
    if not nodes:
        print("还没有服务器建立检索索引：检索直接查询数据库。")
        return 0

    def when(moment):
        return timezone.localtime(moment).strftime("%Y-%m-%d %H:%M:%S") if moment else "—"

    print(f"{'服务器':<24}{'索引':<18}{'建立时间':<21}{'最近更新':<21}等待写入")
    for node in nodes:
        print(
            f"{node.name:<24}{node.index_token or '（待建立）':<18}{when(node.built_at):<21}"
            f"{when(node.applied_at):<21}{waiting.get(node.name, 0):,}"
        )
    return 0


def forget(args) -> int:
    from gongkai.search import outbox

    if not outbox.forget_node(args.node):
        print(f"没有名为“{args.node}”的服务器（见 gongkai search status）。", file=sys.stderr)
        return 1
    print(f"已不再为服务器 {args.node} 保留待写入的修改；它若再次运行，会重新建立检索索引。")
    return 0
