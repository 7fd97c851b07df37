"""The database triggers that fill the search outbox (see gongkai.search.models), on SQLite and PostgreSQL.

A row is added for every node on an insert or a delete of an item, and on an update that changes a
column the index holds (its words, whether and where it is public, and what the filters read). With no
node yet — an installation that has never built an index — the triggers add nothing.
"""

ITEM_TABLE = "disclosure_item"
OUTBOX_TABLE = "search_outbox"
NODE_TABLE = "search_node"
INDEXED_COLUMNS = (
    "search_tokens",
    "status",
    "attribute",
    "agency_id",
    "category_id",
    "published_at",
    "publisher",
    "validity",
    "kind",
    "document_number",
)
# What the triggers watched before the index held the 文号's years (migrating back returns to these).
COLUMNS_BEFORE_DOCUMENT_YEAR = INDEXED_COLUMNS[:-1]
TRIGGERS = ("search_outbox_item_insert", "search_outbox_item_update", "search_outbox_item_delete")
PG_FUNCTION = "search_outbox_item"


def _changed(distinct: str, columns=INDEXED_COLUMNS) -> str:
    return " OR ".join(f"OLD.{column} {distinct} NEW.{column}" for column in columns)


def _fan_out(row: str) -> str:
    return f"INSERT INTO {OUTBOX_TABLE} (node_id, item_id) SELECT name, {row}.id FROM {NODE_TABLE};"


def _sqlite_create(columns) -> list[str]:
    return [
        f"CREATE TRIGGER {TRIGGERS[0]} AFTER INSERT ON {ITEM_TABLE} BEGIN {_fan_out('NEW')} END",
        f"""CREATE TRIGGER {TRIGGERS[1]} AFTER UPDATE ON {ITEM_TABLE} WHEN {_changed("IS NOT", columns)}
        BEGIN {_fan_out("NEW")} END""",
        f"CREATE TRIGGER {TRIGGERS[2]} AFTER DELETE ON {ITEM_TABLE} BEGIN {_fan_out('OLD')} END",
    ]


SQLITE_CREATE = _sqlite_create(INDEXED_COLUMNS)
SQLITE_DROP = [f"DROP TRIGGER IF EXISTS {name}" for name in TRIGGERS]


def _postgresql_create(columns) -> list[str]:
    return [
        f"""CREATE OR REPLACE FUNCTION {PG_FUNCTION}() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        IF TG_OP = 'DELETE' THEN
            {_fan_out("OLD")}
        ELSE
            {_fan_out("NEW")}
        END IF;
        RETURN NULL;
    END $$""",
        f"""CREATE TRIGGER {TRIGGERS[0]} AFTER INSERT ON {ITEM_TABLE}
        FOR EACH ROW EXECUTE FUNCTION {PG_FUNCTION}()""",
        f"""CREATE TRIGGER {TRIGGERS[1]} AFTER UPDATE ON {ITEM_TABLE}
        FOR EACH ROW WHEN ({_changed("IS DISTINCT FROM", columns)}) EXECUTE FUNCTION {PG_FUNCTION}()""",
        f"""CREATE TRIGGER {TRIGGERS[2]} AFTER DELETE ON {ITEM_TABLE}
        FOR EACH ROW EXECUTE FUNCTION {PG_FUNCTION}()""",
    ]


POSTGRESQL_CREATE = _postgresql_create(INDEXED_COLUMNS)
POSTGRESQL_DROP = [f"DROP TRIGGER IF EXISTS {name} ON {ITEM_TABLE}" for name in TRIGGERS] + [
    f"DROP FUNCTION IF EXISTS {PG_FUNCTION}()"
]


def create_triggers(schema_editor, columns=INDEXED_COLUMNS) -> None:
    """Create the triggers watching `columns` (the current ones unless a migration says otherwise)."""
    vendor = schema_editor.connection.vendor
    for statement in _sqlite_create(columns) if vendor == "sqlite" else _postgresql_create(columns):
        schema_editor.execute(statement)


def drop_triggers(schema_editor) -> None:
    vendor = schema_editor.connection.vendor
    for statement in SQLITE_DROP if vendor == "sqlite" else POSTGRESQL_DROP:
        schema_editor.execute(statement)
