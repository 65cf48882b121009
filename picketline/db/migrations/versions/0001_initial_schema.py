"""Initial schema: struggles, sources, evidence, events, places, organisations,
audit log, app metadata, and full-text search (FTS5 on SQLite, tsvector on
PostgreSQL).

Revision ID: 0001
Revises:
Create Date: 2026-11-25
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "app_meta",
        sa.Column("key", sa.String(length=64), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("key"),
    )
    op.create_table(
        "audit_log",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("actor", sa.Text(), nullable=False),
        sa.Column("action", sa.String(length=64), nullable=False),
        sa.Column("entity", sa.String(length=32), nullable=False),
        sa.Column("entity_id", sa.Integer(), nullable=True),
        sa.Column("before", sa.JSON(), nullable=True),
        sa.Column("after", sa.JSON(), nullable=True),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.Column("prev_hash", sa.String(length=64), nullable=True),
        sa.Column("hash", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("hash"),
    )
    op.create_index("ix_audit_entity", "audit_log", ["entity", "entity_id"])
    op.create_table(
        "organisations",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("country", sa.String(length=2), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("name", "kind", "country", name="uq_organisations"),
    )
    op.create_table(
        "places",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(length=64), nullable=False),
        sa.Column("geonames_id", sa.Integer(), nullable=True),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("admin1", sa.Text(), nullable=True),
        sa.Column("country", sa.String(length=2), nullable=True),
        sa.Column("lat", sa.Float(), nullable=True),
        sa.Column("lon", sa.Float(), nullable=True),
        sa.Column("precision", sa.String(length=16), nullable=True),
        sa.Column("aliases", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("key"),
    )
    op.create_index("ix_places_country", "places", ["country"])
    op.create_table(
        "sources",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("content_hash", sa.String(length=64), nullable=False),
        sa.Column("url", sa.Text(), nullable=True),
        sa.Column("outlet", sa.Text(), nullable=True),
        sa.Column("title", sa.Text(), nullable=True),
        sa.Column("language", sa.String(length=8), nullable=True),
        sa.Column("published", sa.String(length=10), nullable=True),
        sa.Column("retrieved", sa.DateTime(timezone=True), nullable=True),
        sa.Column("is_demo", sa.Boolean(), nullable=False),
        sa.Column("reporter_contact_enc", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("content_hash"),
    )
    op.create_table(
        "struggles",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("merged_into", sa.Integer(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("title", sa.Text(), nullable=True),
        sa.Column("summary", sa.Text(), nullable=True),
        sa.Column("confidence", sa.Float(), nullable=True),
        sa.Column("is_demo", sa.Boolean(), nullable=False),
        sa.Column("actions", sa.JSON(), nullable=False),
        sa.Column("workers", sa.Text(), nullable=True),
        sa.Column("sector", sa.String(length=1), nullable=True),
        sa.Column("workplace", sa.Text(), nullable=True),
        sa.Column("employer", sa.Text(), nullable=True),
        sa.Column("unions", sa.JSON(), nullable=False),
        sa.Column("place_id", sa.Integer(), nullable=True),
        sa.Column("country", sa.String(length=2), nullable=True),
        sa.Column("start_date", sa.String(length=10), nullable=True),
        sa.Column("start_precision", sa.String(length=5), nullable=True),
        sa.Column("end_date", sa.String(length=10), nullable=True),
        sa.Column("end_precision", sa.String(length=5), nullable=True),
        sa.Column("participants_min", sa.Integer(), nullable=True),
        sa.Column("participants_max", sa.Integer(), nullable=True),
        sa.Column("demands", sa.JSON(), nullable=False),
        sa.Column("outcome", sa.String(length=16), nullable=True),
        sa.Column("repression", sa.JSON(), nullable=False),
        sa.Column("background", sa.Boolean(), nullable=False),
        sa.Column("sensitive_enc", sa.Text(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["merged_into"],
            ["struggles.id"],
        ),
        sa.ForeignKeyConstraint(
            ["place_id"],
            ["places.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_struggles_country", "struggles", ["country"])
    op.create_index("ix_struggles_sector", "struggles", ["sector"])
    op.create_index("ix_struggles_start", "struggles", ["start_date"])
    op.create_index("ix_struggles_status_id", "struggles", ["status", "id"])
    op.create_table(
        "events",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("struggle_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("date", sa.String(length=10), nullable=True),
        sa.Column("date_precision", sa.String(length=5), nullable=True),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("count", sa.Integer(), nullable=True),
        sa.Column("source_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["source_id"],
            ["sources.id"],
        ),
        sa.ForeignKeyConstraint(["struggle_id"], ["struggles.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_events_struggle", "events", ["struggle_id"])
    op.create_table(
        "evidence",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("struggle_id", sa.Integer(), nullable=False),
        sa.Column("source_id", sa.Integer(), nullable=False),
        sa.Column("field", sa.String(length=32), nullable=False),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.Column("quote", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["source_id"],
            ["sources.id"],
        ),
        sa.ForeignKeyConstraint(["struggle_id"], ["struggles.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_evidence_struggle", "evidence", ["struggle_id"])
    op.create_table(
        "struggle_organisations",
        sa.Column("struggle_id", sa.Integer(), nullable=False),
        sa.Column("organisation_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["organisation_id"],
            ["organisations.id"],
        ),
        sa.ForeignKeyConstraint(["struggle_id"], ["struggles.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("struggle_id", "organisation_id"),
    )
    op.create_index("ix_struggle_organisations_org", "struggle_organisations", ["organisation_id"])
    op.create_table(
        "struggle_search",
        sa.Column("struggle_id", sa.Integer(), nullable=False),
        sa.Column("document", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["struggle_id"], ["struggles.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("struggle_id"),
    )
    op.create_table(
        "struggle_sources",
        sa.Column("struggle_id", sa.Integer(), nullable=False),
        sa.Column("source_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["source_id"],
            ["sources.id"],
        ),
        sa.ForeignKeyConstraint(["struggle_id"], ["struggles.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("struggle_id", "source_id"),
    )
    op.create_index("ix_struggle_sources_source", "struggle_sources", ["source_id"])
    _create_search_index()
    _make_audit_append_only()


def downgrade() -> None:
    _drop_audit_guards()
    _drop_search_index()
    op.drop_index("ix_struggle_sources_source", table_name="struggle_sources")
    op.drop_table("struggle_sources")
    op.drop_table("struggle_search")
    op.drop_index("ix_struggle_organisations_org", table_name="struggle_organisations")
    op.drop_table("struggle_organisations")
    op.drop_index("ix_evidence_struggle", table_name="evidence")
    op.drop_table("evidence")
    op.drop_index("ix_events_struggle", table_name="events")
    op.drop_table("events")
    op.drop_index("ix_struggles_status_id", table_name="struggles")
    op.drop_index("ix_struggles_start", table_name="struggles")
    op.drop_index("ix_struggles_sector", table_name="struggles")
    op.drop_index("ix_struggles_country", table_name="struggles")
    op.drop_table("struggles")
    op.drop_table("sources")
    op.drop_index("ix_places_country", table_name="places")
    op.drop_table("places")
    op.drop_table("organisations")
    op.drop_index("ix_audit_entity", table_name="audit_log")
    op.drop_table("audit_log")
    op.drop_table("app_meta")


_SQLITE_FTS = (
    "CREATE VIRTUAL TABLE struggle_fts USING fts5(document, content='struggle_search', "
    "content_rowid='struggle_id', tokenize='unicode61 remove_diacritics 2')",
    "CREATE TRIGGER struggle_search_ai AFTER INSERT ON struggle_search BEGIN "
    "INSERT INTO struggle_fts(rowid, document) VALUES (new.struggle_id, new.document); END",
    "CREATE TRIGGER struggle_search_ad AFTER DELETE ON struggle_search BEGIN "
    "INSERT INTO struggle_fts(struggle_fts, rowid, document) "
    "VALUES ('delete', old.struggle_id, old.document); END",
    "CREATE TRIGGER struggle_search_au AFTER UPDATE ON struggle_search BEGIN "
    "INSERT INTO struggle_fts(struggle_fts, rowid, document) "
    "VALUES ('delete', old.struggle_id, old.document); "
    "INSERT INTO struggle_fts(rowid, document) VALUES (new.struggle_id, new.document); END",
)

_POSTGRES_TSV = (
    "ALTER TABLE struggle_search ADD COLUMN tsv tsvector "
    "GENERATED ALWAYS AS (to_tsvector('simple', document)) STORED",
    "CREATE INDEX ix_struggle_search_tsv ON struggle_search USING GIN (tsv)",
)


def _create_search_index() -> None:
    """The dialect's full-text index over ``struggle_search.document``."""
    name = op.get_bind().dialect.name
    statements = _SQLITE_FTS if name == "sqlite" else _POSTGRES_TSV if name == "postgresql" else ()
    for statement in statements:
        op.execute(statement)


def _drop_search_index() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for trigger in ("struggle_search_ai", "struggle_search_ad", "struggle_search_au"):
            op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
        op.execute("DROP TABLE IF EXISTS struggle_fts")


_APPEND_ONLY = "the audit log is append-only"


def _make_audit_append_only() -> None:
    """Refuse UPDATE and DELETE on audit_log in the database itself, not only in code."""
    if op.get_bind().dialect.name == "sqlite":
        for verb in ("UPDATE", "DELETE"):
            op.execute(
                f"CREATE TRIGGER audit_log_no_{verb.lower()} BEFORE {verb} ON audit_log "
                f"BEGIN SELECT RAISE(ABORT, '{_APPEND_ONLY}'); END"
            )
        return
    op.execute(
        "CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS "
        f"$$ BEGIN RAISE EXCEPTION '{_APPEND_ONLY}'; END $$"
    )
    op.execute(
        "CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log "
        "FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()"
    )
    op.execute(
        "CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log "
        "FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only()"
    )


def _drop_audit_guards() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TRIGGER IF EXISTS audit_log_no_update")
        op.execute("DROP TRIGGER IF EXISTS audit_log_no_delete")
        return
    op.execute("DROP TRIGGER IF EXISTS audit_log_append_only ON audit_log")
    op.execute("DROP TRIGGER IF EXISTS audit_log_no_truncate ON audit_log")
    op.execute("DROP FUNCTION IF EXISTS audit_log_append_only()")
