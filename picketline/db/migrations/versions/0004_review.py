"""Review: rejection reasons, report submissions and their images, editor claims (issue #5).

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-25
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "editor_claims",
        sa.Column("struggle_id", sa.Integer(), nullable=False),
        sa.Column("field", sa.String(length=40), nullable=False),
        sa.Column("value", sa.JSON(), nullable=True),
        sa.Column("actor", sa.Text(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["struggle_id"], ["struggles.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("struggle_id", "field"),
    )
    op.create_table(
        "review_rejections",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("struggle_id", sa.Integer(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("actor", sa.Text(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["struggle_id"], ["struggles.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_review_rejections_struggle", "review_rejections", ["struggle_id"])
    op.create_table(
        "submissions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("source_id", sa.Integer(), nullable=False),
        sa.Column("struggle_id", sa.Integer(), nullable=True),
        sa.Column("received_on", sa.String(length=10), nullable=False),
        sa.ForeignKeyConstraint(["source_id"], ["sources.id"]),
        sa.ForeignKeyConstraint(["struggle_id"], ["struggles.id"], ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_submissions_source", "submissions", ["source_id"])
    op.create_index("ix_submissions_struggle", "submissions", ["struggle_id"])
    op.create_table(
        "submission_images",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("submission_id", sa.Integer(), nullable=False),
        sa.Column("file_name", sa.String(length=80), nullable=False),
        sa.Column("media_type", sa.String(length=32), nullable=False),
        sa.Column("width", sa.Integer(), nullable=False),
        sa.Column("height", sa.Integer(), nullable=False),
        sa.Column("size_bytes", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["submission_id"], ["submissions.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("file_name"),
    )
    op.create_index("ix_submission_images_submission", "submission_images", ["submission_id"])


def downgrade() -> None:
    op.drop_index("ix_submission_images_submission", table_name="submission_images")
    op.drop_table("submission_images")
    op.drop_index("ix_submissions_struggle", table_name="submissions")
    op.drop_index("ix_submissions_source", table_name="submissions")
    op.drop_table("submissions")
    op.drop_index("ix_review_rejections_struggle", table_name="review_rejections")
    op.drop_table("review_rejections")
    op.drop_table("editor_claims")
