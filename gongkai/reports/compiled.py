"""Report queries compiled once and run again for other agencies.

Building and compiling an ORM query with a few dozen conditional aggregates costs several milliseconds of
Python, more than the query itself for most agencies. The SQL of a section depends only on the format, the
year and how many agencies are asked for, so it is compiled once for that shape, with placeholder ids, and
then executed with the real ids; the ORM's own converters still turn the raw values into Python values.

    rows(key, build, agency_ids) -> list of {name: value}
        key:   what the SQL depends on besides the ids (format version, year, section)
        build: ids -> a values() queryset filtering on those ids
"""

from django.db import connection

# Placeholder ids: negative, so no real row has them and no other parameter can be mistaken for one.
FIRST_PLACEHOLDER = -(10**15)

_compiled: dict[tuple, tuple] = {}


def _compile(build, count: int) -> tuple:
    placeholders = [FIRST_PLACEHOLDER - i for i in range(count)]
    queryset = build(placeholders)
    compiler = queryset.query.get_compiler(using=queryset.db)
    sql, params = compiler.as_sql()
    where = {p: i for i, p in enumerate(placeholders)}
    slots = [(i, where[p]) for i, p in enumerate(params) if type(p) is int and p in where]
    if sorted(j for _, j in slots) != list(range(count)):
        raise RuntimeError("编译后的查询中找不到全部机关编号参数")
    columns = [s[0] for s in compiler.select[: compiler.col_count]]
    names = [*queryset.query.values_select, *queryset.query.annotation_select]
    return sql, list(params), slots, compiler, compiler.get_converters(columns), names


def rows(key: tuple, build, agency_ids: list[int]) -> list[dict]:
    shape = (connection.vendor, *key, len(agency_ids))
    entry = _compiled.get(shape)
    if entry is None:
        entry = _compiled[shape] = _compile(build, len(agency_ids))
    sql, params, slots, compiler, converters, names = entry
    params = list(params)
    for position, index in slots:
        params[position] = agency_ids[index]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        fetched = cursor.fetchall()
    if converters:
        fetched = compiler.apply_converters(fetched, converters)
    return [dict(zip(names, row, strict=True)) for row in fetched]
