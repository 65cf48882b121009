"""One typed settings object, read from ``PICKETLINE_*`` environment variables.

Defaults suit a single-user install: an SQLite file in the user's data
directory and a key file beside it. In production (``PICKETLINE_ENV=production``)
insecure defaults are refused rather than silently used.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Literal

from platformdirs import user_data_dir
from pydantic import Field, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

DEV_SECRET = "dev-secret-change-me"


def default_data_dir() -> Path:
    return Path(user_data_dir("picketline", appauthor=False))


class Settings(BaseSettings):
    """All configuration in one place. Every field is documented in docs/settings.md."""

    model_config = SettingsConfigDict(env_prefix="PICKETLINE_", extra="ignore")

    env: Literal["development", "test", "production"] = Field(
        "development", description="Deployment kind; 'production' refuses insecure defaults."
    )
    data_dir: Path = Field(
        default_factory=default_data_dir,
        description="Where the SQLite database, key file and uploads live.",
    )
    database_url: str | None = Field(
        None,
        description="SQLAlchemy URL; default is sqlite:///DATA_DIR/picketline.sqlite3. "
        "PostgreSQL: postgresql+psycopg://user@host/db",
    )
    encryption_key: str | None = Field(
        None,
        description="Base64 AES-256 key for sensitive fields; default: read KEY_FILE.",
    )
    key_file: Path | None = Field(
        None, description="File holding the encryption key; default DATA_DIR/picketline.key."
    )
    secret_key: str = Field(DEV_SECRET, description="Signs sessions and tokens.")
    host: str = Field("127.0.0.1", description="Address `picketline serve` binds to.")
    port: int = Field(8000, description="Port `picketline serve` listens on.")
    base_url: str = Field("http://127.0.0.1:8000", description="Public URL of the site.")
    # ---- map (issue #6) ----
    map_tile_url: str = Field(
        "",
        description="Map tile URL template ({z}/{x}/{y}); empty means the bundled "
        "country-outline layer (no tile server is reachable in a closed network).",
    )
    map_tile_attribution: str = Field(
        "", description="Credit line the map shows for the tiles (plain text)."
    )
    # ---- mail, campaigns and pledges (issue #7) ----
    mail_from: str = Field(
        "Picketline <noreply@localhost>", description="Sender (From) of every email."
    )
    mail_send_interval_seconds: float = Field(
        30, ge=0, description="How often the server sends queued email; 0 turns the loop off."
    )
    confirm_token_hours: float = Field(
        72, gt=0, description="How long a link confirming a pledge or subscription works."
    )
    link_token_days: float = Field(
        365, gt=0, description="How long unsubscribe and delete-my-data links in emails work."
    )
    pledges_per_client_per_hour: int = Field(
        20, ge=1, description="Pledges one client may send per hour before getting 429."
    )
    smtp_url: str | None = Field(None, description="smtp://user:pass@host:port for email.")
    # ---- strike funds, alerts and webhooks (issue #7) ----
    alerts_per_client_per_hour: int = Field(
        10, ge=1, description="Alert sign-ups one client may send per hour before getting 429."
    )
    background_jobs: bool = Field(
        True,
        description="Whether the web server also sends mail, webhooks and alert digests.",
    )
    webhook_interval_seconds: float = Field(
        60, ge=0, description="How often the server queues and sends webhook deliveries; 0: never."
    )
    alerts_interval_seconds: float = Field(
        900, ge=0, description="How often the server looks for due alert digests; 0: never."
    )
    webhook_timeout_seconds: float = Field(
        5, gt=0, description="How long a webhook receiver has to answer one delivery."
    )
    webhook_backoff_seconds: float = Field(
        60, gt=0, description="Delay before the first retry of a failed webhook delivery; doubles."
    )
    webhook_max_attempts: int = Field(
        8, ge=1, description="Tries of one webhook delivery before it is given up."
    )
    webhook_max_failures: int = Field(
        5, ge=1, description="Failed deliveries in a row that disable a webhook."
    )
    # ---- accounts (issue #5) ----
    session_lifetime_hours: float = Field(
        12, gt=0, description="How long a sign-in lasts before the user must sign in again."
    )
    login_max_failures: int = Field(
        5, ge=1, description="Wrong passwords in a row that lock an account."
    )
    login_lockout_minutes: float = Field(
        15, gt=0, description="How long an account stays locked after too many failures."
    )
    cookie_secure: bool | None = Field(
        None,
        description="Send cookies only over HTTPS; default: on in production or when "
        "base_url is https.",
    )
    # ---- review and report submission (issue #5) ----
    report_max_bytes: int = Field(
        10 * 1024 * 1024,
        ge=1024,
        description="Largest report submission (text and images together); more gets 413.",
    )
    reports_per_client_per_hour: int = Field(
        5, ge=1, description="Reports one client may submit per hour before getting 429."
    )

    @model_validator(mode="after")
    def _refuse_insecure_production(self) -> Settings:
        if self.env == "production" and self.secret_key == DEV_SECRET:
            raise ValueError("PICKETLINE_SECRET_KEY must be set in production")
        return self

    @property
    def resolved_database_url(self) -> str:
        if self.database_url:
            return self.database_url
        return f"sqlite:///{self.data_dir / 'picketline.sqlite3'}"

    @property
    def secure_cookies(self) -> bool:
        """Whether cookies carry ``Secure`` (``cookie_secure``, else production or https)."""
        if self.cookie_secure is not None:
            return self.cookie_secure
        return self.env == "production" or self.base_url.startswith("https://")

    @property
    def resolved_key_file(self) -> Path:
        return self.key_file or self.data_dir / "picketline.key"


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """The process-wide settings (tests build their own ``Settings`` instead)."""
    return Settings()
