"""Chinese word segmentation for search, shared by documents and queries so that both meet.

rjieba's search mode emits every dictionary word inside a longer one (行政复议 → 行政, 复议, 行政复议), so a
two-character query such as 复议 finds a document that only ever says 行政复议. Tokens are joined by spaces:
both SQLite's unicode61 tokenizer and PostgreSQL's 'simple' parser then see exactly jieba's words.
"""

import html
import re

import rjieba

# Tokens made only of punctuation, symbols or spaces carry no meaning and the FTS tokenizers drop them anyway.
_WORD_CHAR = re.compile(r"\w")
_TAG = re.compile(r"<[^>]*>")
_SPACE = re.compile(r"\s+")


def _tokens(text: str) -> list[str]:
    return [
        token
        for token in (raw.strip().lower() for raw in rjieba.cut_for_search(text or ""))
        if token and _WORD_CHAR.search(token)
    ]


def words(text: str) -> list[str]:
    """The search-mode words of a query, lower-cased, in order, without punctuation or duplicates."""
    return list(dict.fromkeys(_tokens(text)))


def segment(text: str) -> str:
    """`text` as space-separated search words (what `Item.search_tokens` stores).

    Repeats are kept: how often a word occurs is what relevance ranking (bm25, ts_rank) weighs.
    """
    return " ".join(_tokens(text))


def html_to_text(body: str) -> str:
    """Plain text of a sanitised HTML body: tags dropped, entities decoded, spaces collapsed."""
    return _SPACE.sub(" ", html.unescape(_TAG.sub(" ", body or ""))).strip()


def item_text(item) -> str:
    """Everything of an item a reader may search for: title, 文号, 索引号, keywords, summary and body."""
    parts = [
        item.title,
        item.document_number,
        item.index_number or "",
        item.keywords,
        item.summary,
        html_to_text(item.body),
    ]
    return "\n".join(part for part in parts if part)
