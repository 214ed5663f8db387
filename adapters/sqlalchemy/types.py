"""Column types and SQL functions that behave the same on SQLite and PostgreSQL."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    BindParameter,
    ColumnElement,
    DateTime,
    Float,
    ScalarSelect,
    String,
    bindparam,
    select,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.sql.functions import FunctionElement
from sqlalchemy.types import TypeDecorator


class UtcDateTime(TypeDecorator[datetime]):
    """Timezone-aware UTC datetimes in, aware UTC datetimes out (SQLite forgets the zone)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> Any:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetimes are not stored: the domain speaks UTC")
        value = value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: Any, dialect: Dialect) -> datetime | None:
        del dialect
        if value is None:
            return None
        moment = datetime.fromisoformat(value) if isinstance(value, str) else value
        if not isinstance(moment, datetime):
            raise TypeError(type(moment))
        if moment.tzinfo is None:
            return moment.replace(tzinfo=UTC)
        return moment.astimezone(UTC)


class days_between(FunctionElement[float]):  # noqa: N801 - reads as the SQL function it renders
    """`days_between(start, end)`: the days from one `UtcDateTime` to another, as a float,
    computed by the database (reading the moments into Python only to subtract them cost more
    than the query)."""

    type = Float()
    inherit_cache = True
    name = "days_between"


@compiles(days_between, "postgresql")
def _days_between_postgresql(element: days_between, compiler: SQLCompiler, **kw: Any) -> str:
    # date_part, not EXTRACT: EXTRACT answers numeric (PostgreSQL 14 on), which arrives as a
    # Decimal to be turned into a float row by row (a third of the statistics' steps read).
    start, end = (compiler.process(argument, **kw) for argument in element.clauses)
    return f"(date_part('epoch', {end} - {start}) / 86400.0)"


@compiles(days_between, "sqlite")
def _days_between_sqlite(element: days_between, compiler: SQLCompiler, **kw: Any) -> str:
    # SQLite keeps the moments as ISO text in UTC, which julianday reads.
    start, end = (compiler.process(argument, **kw) for argument in element.clauses)
    return f"(julianday({end}) - julianday({start}))"


class joined(FunctionElement[str]):  # noqa: N801 - reads as the SQL aggregate it renders
    """`joined(column)`: the column's values in a group as one comma-separated text (NULL for
    none), so a row can carry its few children without a statement of their own. Only for
    values that hold no comma: identifiers and vocabulary labels."""

    type = String()
    inherit_cache = True
    name = "joined"


@compiles(joined, "postgresql")
def _joined_postgresql(element: joined, compiler: SQLCompiler, **kw: Any) -> str:
    return f"string_agg(CAST({compiler.process(element.clauses, **kw)} AS TEXT), ',')"


@compiles(joined, "sqlite")
def _joined_sqlite(element: joined, compiler: SQLCompiler, **kw: Any) -> str:
    return f"group_concat({compiler.process(element.clauses, **kw)}, ',')"


def joined_children(column: Any, link: ColumnElement[bool]) -> ScalarSelect[str]:
    """`column` of the child rows that `link` ties to the outer statement's row, as one `joined`
    list: a correlated subquery, so a row carries its few children without a statement of their
    own."""
    return select(joined(column)).where(link).scalar_subquery()


def split(value: str | None) -> list[str]:
    """The values of a `joined` column."""
    return value.split(",") if value else []


def split_ids(value: str | None) -> frozenset[uuid.UUID]:
    """The identifiers of a `joined` column."""
    return frozenset(uuid.UUID(item) for item in split(value))


def inline(name: str, value: Any = None) -> BindParameter[Any]:
    """A parameter written into the statement's text at execution, not sent beside it. For the
    few values a PostgreSQL plan depends on (a status, a table): as parameters, the planner
    judged the plan made without their values worse than one made for them, and planned every
    execution again (measured on the national data set: each cadence, over 400 executions per
    connection). Written in, the one plan is reused. Only for values of a small, known set:
    each value is a prepared statement of its own."""
    return bindparam(name, value, literal_execute=True)


def aware(value: object) -> datetime | None:
    """Aggregates bypass the column type: SQLite returns text, PostgreSQL an aware datetime."""
    if value is None:
        return None
    moment = datetime.fromisoformat(value) if isinstance(value, str) else value
    if not isinstance(moment, datetime):
        raise TypeError(type(moment))
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)
