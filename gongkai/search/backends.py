"""The database-specific half of search: an FTS5 table on SQLite, a stored tsvector with a GIN index on
PostgreSQL.

Both index `Item.search_tokens` (jieba words joined by spaces). On SQLite an external-content FTS5 table
with the unicode61 tokenizer is kept in step by triggers, so bulk inserts stay indexed too. On PostgreSQL
`search_vector` is a generated column, to_tsvector('simple', search_tokens) computed by the database on
every write, with the GIN index on it. An index on the expression alone (as before) made every matching
row's vector be computed again at query time — to recheck a lossy bitmap, or when a common word makes a
scan cheaper than the index: at 5,000,000 items a count of one common word took 93 seconds.
"""

from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVector, SearchVectorField
from django.db.models.expressions import RawSQL

FTS_TABLE = "search_item_fts"
GIN_INDEX = "item_search_tokens_gin"

SQLITE_CREATE = [
    f"""CREATE VIRTUAL TABLE {FTS_TABLE} USING fts5(
        search_tokens, content='disclosure_item', content_rowid='id', tokenize='unicode61')""",
    f"""CREATE TRIGGER {FTS_TABLE}_ai AFTER INSERT ON disclosure_item BEGIN
        INSERT INTO {FTS_TABLE}(rowid, search_tokens) VALUES (new.id, new.search_tokens);
    END""",
    f"""CREATE TRIGGER {FTS_TABLE}_ad AFTER DELETE ON disclosure_item BEGIN
        INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, search_tokens) VALUES ('delete', old.id, old.search_tokens);
    END""",
    f"""CREATE TRIGGER {FTS_TABLE}_au AFTER UPDATE OF search_tokens ON disclosure_item BEGIN
        INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, search_tokens) VALUES ('delete', old.id, old.search_tokens);
        INSERT INTO {FTS_TABLE}(rowid, search_tokens) VALUES (new.id, new.search_tokens);
    END""",
    f"INSERT INTO {FTS_TABLE}({FTS_TABLE}) VALUES ('rebuild')",
]
SQLITE_DROP = [
    f"DROP TRIGGER IF EXISTS {FTS_TABLE}_ai",
    f"DROP TRIGGER IF EXISTS {FTS_TABLE}_ad",
    f"DROP TRIGGER IF EXISTS {FTS_TABLE}_au",
    f"DROP TABLE IF EXISTS {FTS_TABLE}",
]


VECTOR_COLUMN = "search_vector"
ADD_VECTOR_COLUMN = f"""ALTER TABLE disclosure_item ADD COLUMN IF NOT EXISTS {VECTOR_COLUMN} tsvector
    GENERATED ALWAYS AS (to_tsvector('simple'::regconfig, COALESCE(search_tokens, ''))) STORED"""
CREATE_VECTOR_INDEX = f"CREATE INDEX IF NOT EXISTS {GIN_INDEX} ON disclosure_item USING gin ({VECTOR_COLUMN})"


def search_vector() -> RawSQL:
    """The stored vector of the item row in the query (PostgreSQL)."""
    return RawSQL(f'"disclosure_item"."{VECTOR_COLUMN}"', [], output_field=SearchVectorField())


def expression_gin_index() -> GinIndex:
    """The index of the first migration, on the expression: what migrating backwards returns to."""
    return GinIndex(SearchVector("search_tokens", config="simple"), name=GIN_INDEX)


def create_search_index(schema_editor, item_model) -> None:
    vendor = schema_editor.connection.vendor
    if vendor == "sqlite":
        for statement in SQLITE_CREATE:
            schema_editor.execute(statement)
    elif vendor == "postgresql":
        schema_editor.execute(ADD_VECTOR_COLUMN)
        schema_editor.execute(CREATE_VECTOR_INDEX)


def drop_search_index(schema_editor, item_model) -> None:
    """Drop the index (for a bulk load); on PostgreSQL the generated column stays and keeps itself current."""
    vendor = schema_editor.connection.vendor
    if vendor == "sqlite":
        for statement in SQLITE_DROP:
            schema_editor.execute(statement)
    elif vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {GIN_INDEX}")


def rebuild_sqlite_index(cursor) -> None:
    """Rebuild the whole FTS5 table from the items (after a bulk load with the triggers dropped)."""
    cursor.execute(f"INSERT INTO {FTS_TABLE}({FTS_TABLE}) VALUES ('rebuild')")
