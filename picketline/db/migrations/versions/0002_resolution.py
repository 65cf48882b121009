"""Resolution state: document fingerprints and sampled shingles (near-duplicates),
per-source claims of each struggle (merges, alternatives, splits), blocking keys,
and "possible duplicate of" links for editors.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-27
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "source_fingerprints",
        sa.Column("source_id", sa.Integer(), nullable=False),
        sa.Column("exact_key", sa.String(length=32), nullable=False),
        sa.Column("sample_size", sa.Integer(), nullable=False),
        sa.Column("relevant", sa.Boolean(), nullable=True),
        sa.Column("duplicate_of", sa.Integer(), nullable=True),
        sa.Column("similarity", sa.Float(), nullable=True),
        sa.Column("containment", sa.Float(), nullable=True),
        sa.ForeignKeyConstraint(["source_id"], ["sources.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["duplicate_of"], ["sources.id"]),
        sa.PrimaryKeyConstraint("source_id"),
    )
    op.create_index("ix_source_fingerprints_exact", "source_fingerprints", ["exact_key"])
    op.create_table(
        "source_shingles",
        sa.Column("hash", sa.BigInteger(), nullable=False),
        sa.Column("source_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["source_id"], ["sources.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("hash", "source_id"),
    )
    op.create_table(
        "struggle_claims",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("struggle_id", sa.Integer(), nullable=False),
        sa.Column("source_id", sa.Integer(), nullable=True),
        sa.Column("field", sa.String(length=40), nullable=False),
        sa.Column("value", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(["struggle_id"], ["struggles.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["source_id"], ["sources.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_struggle_claims_struggle", "struggle_claims", ["struggle_id"])
    op.create_index("ix_struggle_claims_source", "struggle_claims", ["source_id"])
    op.create_table(
        "struggle_keys",
        sa.Column("key", sa.String(length=64), nullable=False),
        sa.Column("struggle_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["struggle_id"], ["struggles.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("key", "struggle_id"),
    )
    op.create_index("ix_struggle_keys_struggle", "struggle_keys", ["struggle_id"])
    op.create_table(
        "possible_duplicates",
        sa.Column("struggle_id", sa.Integer(), nullable=False),
        sa.Column("duplicate_of", sa.Integer(), nullable=False),
        sa.Column("score", sa.Float(), nullable=False),
        sa.Column("reasons", sa.JSON(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["struggle_id"], ["struggles.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["duplicate_of"], ["struggles.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("struggle_id", "duplicate_of"),
    )
    op.create_index("ix_possible_duplicates_of", "possible_duplicates", ["duplicate_of"])


def downgrade() -> None:
    op.drop_index("ix_possible_duplicates_of", table_name="possible_duplicates")
    op.drop_table("possible_duplicates")
    op.drop_index("ix_struggle_keys_struggle", table_name="struggle_keys")
    op.drop_table("struggle_keys")
    op.drop_index("ix_struggle_claims_source", table_name="struggle_claims")
    op.drop_index("ix_struggle_claims_struggle", table_name="struggle_claims")
    op.drop_table("struggle_claims")
    op.drop_table("source_shingles")
    op.drop_index("ix_source_fingerprints_exact", table_name="source_fingerprints")
    op.drop_table("source_fingerprints")
