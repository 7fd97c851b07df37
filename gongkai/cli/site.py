"""Sub-commands for running the site: serve, demo, migrate, createsuperuser."""

import argparse

from django.core.management import call_command


def register(subparsers) -> None:
    p = subparsers.add_parser("serve", help="启动网站（开发与演示用；生产环境见 README 的部署说明）")
    p.add_argument("--addr", default="127.0.0.1:8000", help="监听地址，默认 127.0.0.1:8000")
    p.set_defaults(func=serve)

    p = subparsers.add_parser("demo", help="迁移数据库、载入演示机关与账号，并启动网站")
    p.add_argument("--no-serve", action="store_true", help="只载入演示数据，不启动网站")
    p.add_argument("--addr", default="127.0.0.1:8000", help="监听地址，默认 127.0.0.1:8000")
    p.set_defaults(func=demo)

    p = subparsers.add_parser("migrate", help="创建或升级数据库结构")
    p.set_defaults(func=migrate)

    p = subparsers.add_parser(
        "worker", help="运行后台任务（读取上传的报告、提醒、报告生成等）；生产环境中常驻运行"
    )
    p.set_defaults(func=worker)

    p = subparsers.add_parser("createsuperuser", help="创建系统管理员账号")
    p.add_argument("rest", nargs=argparse.REMAINDER, help="传给 Django createsuperuser 的参数")
    p.set_defaults(func=createsuperuser)


def demo_field_key() -> None:
    """The development server and the demo are not production: without GONGKAI_FIELD_KEY they encrypt
    identity numbers with the key derived from SECRET_KEY (kept in the data folder), as DEBUG does, instead
    of refusing to register a case. Production servers (gunicorn) still need the key."""
    from django.conf import settings

    if not settings.FIELD_ENCRYPTION_KEYS:
        settings.FIELD_KEY_FROM_SECRET = True


def serve(args) -> int:
    from gongkai.search import follower

    demo_field_key()
    worker = _background_worker()
    if worker is None:
        follower.start()  # no worker beside the development server: keep the search index current here
    try:
        # --insecure: serve static files even with DEBUG off, for demo use on one machine.
        call_command("runserver", args.addr, "--insecure", "--noreload")
    finally:
        if worker is not None:
            worker.terminate()
            worker.wait(timeout=10)
    return 0


def _background_worker():
    """On one machine the site needs its background worker too (reading uploaded reports, reminders): start
    one beside the development server when tasks are queued in the database. Production runs its own."""
    import subprocess
    import sys

    from django.conf import settings

    if not settings.TASKS["default"]["BACKEND"].startswith("django_tasks_db."):
        return None
    return subprocess.Popen([sys.executable, "-m", "gongkai", "worker"])


def migrate(args) -> int:
    call_command("migrate", interactive=False, verbosity=1)
    call_command("createcachetable", verbosity=0)  # only acts when the database cache is configured
    return 0


def worker(args) -> int:
    from gongkai.search import follower

    follower.start()  # every server's worker keeps that server's search index current
    # No code reloader, as for `serve`: a reload would cut a task (a scan's text recognition) short.
    call_command("db_worker", reload=False)
    return 0


def createsuperuser(args) -> int:
    from django.core.management import execute_from_command_line

    execute_from_command_line(["gongkai", "createsuperuser", *args.rest])
    return 0


def demo(args) -> int:
    from django.conf import settings

    from gongkai.demo import load_demo, print_welcome

    demo_field_key()
    call_command("migrate", interactive=False, verbosity=0)
    summary = load_demo()
    if settings.SEARCH_BACKEND == "index":
        from gongkai.search import outbox

        outbox.rebuild()
    print_welcome(summary, args.addr)
    if not args.no_serve:
        return serve(args)
    return 0
