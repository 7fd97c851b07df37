"""`gongkai backup FILE` and `gongkai restore FILE`: the database and uploaded files in one archive."""

import sys
from pathlib import Path


def register(subparsers) -> None:
    b = subparsers.add_parser(
        "backup",
        help="备份数据库和上传的文件（在线备份，不必停机）",
        description="把数据库（SQLite 在线备份或 PostgreSQL pg_dump）和上传的文件（GONGKAI_DATA 下，或设置了 GONGKAI_S3_BUCKET 时"
        "对象存储桶中的 media/、private/）写入一个备份文件。\n"
        "备份文件不含 SECRET_KEY 和 GONGKAI_FIELD_KEY，密钥须另行妥善保存。",
    )
    b.add_argument("file", help="备份文件，例如 gongkai-2026-12-01.tar.gz")
    b.set_defaults(func=run_backup)

    r = subparsers.add_parser(
        "restore",
        help="由备份文件恢复数据库和上传的文件（覆盖现有数据；恢复前请停止网站和后台任务）",
        description="由备份文件恢复数据库和上传的文件。文件恢复到当前配置的位置：GONGKAI_DATA 下，或对象存储桶的 "
        "media/、private/（先写入备份中的全部文件，再删除两处中备份里没有的文件；桶中其他内容不动）。"
        "本地磁盘上做的备份可以恢复到对象存储，反之亦然。",
    )
    r.add_argument("file", help="gongkai backup 生成的备份文件")
    r.add_argument("--yes", action="store_true", help="不再询问确认")
    r.set_defaults(func=run_restore)


def run_backup(args) -> int:
    from gongkai.backups import BackupError, backup
    from gongkai.storage import where

    try:
        manifest = backup(Path(args.file))
    except (BackupError, OSError) as exc:
        print(f"备份失败：{exc}", file=sys.stderr)
        return 2
    rows = sum(manifest.tables.values())
    print(
        f"已备份到 {args.file}：{manifest.engine} 数据库 {len(manifest.tables)} 张表 {rows} 行，"
        f"文件 {manifest.files} 个，取自{where()}。"
    )
    return 0


def run_restore(args) -> int:
    from gongkai import audit
    from gongkai.backups import BackupError, read_manifest, restore
    from gongkai.storage import where

    path = Path(args.file)
    try:
        manifest = read_manifest(path)
    except BackupError as exc:
        print(str(exc), file=sys.stderr)
        return 2
    print(
        f"备份时间 {manifest['created_at']}，{manifest['engine']} 数据库，文件 {manifest['files']} 个；"
        f"文件将恢复到{where()}。"
    )
    if not args.yes:
        if not sys.stdin.isatty():
            print("恢复会覆盖现有数据，须确认：请在终端中运行，或加 --yes。", file=sys.stderr)
            return 2
        if input("恢复将覆盖当前数据库和上传的文件，不能撤销。确认请输入“恢复”：").strip() != "恢复":
            print("未恢复。")
            return 1
    try:
        restore(path)
    except (BackupError, OSError) as exc:
        print(f"恢复失败：{exc}", file=sys.stderr)
        return 2
    result = audit.verify()
    print(f"已恢复。{result.message}")
    return 0 if result.ok else 1
