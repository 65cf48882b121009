"""``picketline mirror OUTDIR``: the public site as plain files anyone can host.

A thin command over ``picketline.publish.mirror.build_mirror``; the report
says how many files were written, left unchanged (same content as last run)
and removed (struggles no longer published).
"""

from __future__ import annotations

import os
from pathlib import Path

import typer

MIRROR_HELP = """Write the whole public site as static files: a mirror anyone can host.

Every public page in English, Russian and Ukrainian (English at the root,
the others under ru/ and uk/), every published struggle, the map and its data,
statistics, feeds, exports and a client-side search. It works from any static
host, a USB stick or opened from disk (file://). Run it again to bring the
mirror up to date: only files whose content changed are rewritten, and pages
of struggles no longer published are removed. Only published struggles are
written, never sensitive data.

--live-url is the address of the live site: forms that need the server (sign
in, report, pledge) point there. Default: PICKETLINE_BASE_URL unless it is a
loopback address.

Example:

    picketline mirror ./picketline-mirror --live-url https://picketline.example.org
"""


def register(app: typer.Typer) -> None:
    """Add ``mirror`` to the app."""
    app.command("mirror", help=MIRROR_HELP)(mirror_command)


def mirror_command(
    outdir: Path = typer.Argument(..., help="Folder to write the mirror into (created)."),
    live_url: str | None = typer.Option(
        None, "--live-url", help="The live site's address, for forms that need the server."
    ),
    workers: int = typer.Option(
        0, "--workers", "-j", help="Worker processes (0: one per CPU, at most 8)."
    ),
    as_json: bool = typer.Option(False, "--json", help="Print the report as one JSON line."),
) -> None:
    from picketline.cli.serve_command import load_settings
    from picketline.db import Database
    from picketline.errors import InputError
    from picketline.publish.mirror import build_mirror, report_json

    settings = load_settings(None, None)
    live = live_url if live_url is not None else default_live_url(settings.base_url)
    if live and not live.startswith(("http://", "https://")):
        raise InputError(f"--live-url {live!r}: give an http:// or https:// address")
    if outdir.exists() and not outdir.is_dir():
        raise InputError(f"{outdir} exists and is not a folder")
    processes = workers if workers > 0 else min(os.cpu_count() or 1, 8)
    say = None if as_json else (lambda message: typer.echo(message, err=True))
    with Database.open(settings) as db:
        report = build_mirror(db, settings, outdir, live_url=live, workers=processes, progress=say)
    if as_json:
        typer.echo(report_json(report))
        return
    for note in report.notes:
        typer.echo(f"note: {note}", err=True)
    typer.echo(
        f"{outdir}: {report.counts.written} files written, {report.counts.unchanged} unchanged, "
        f"{report.counts.removed} removed; {report.struggles} struggles, {report.pages} pages "
        f"in {report.seconds:.1f} s"
    )


def default_live_url(base_url: str) -> str | None:
    """The configured public URL, unless it is the development default on loopback."""
    host = base_url.split("://", 1)[-1].split("/", 1)[0].split(":", 1)[0]
    return None if host in ("127.0.0.1", "localhost", "::1", "[::1]") else base_url
