"""``/exports/struggles.csv|.json|.geojson``: the filtered record as a download.

Streamed chunk by chunk from ``publish.exports`` (one keyset page of the
database at a time), so a download of 100,000 struggles holds one page in
memory, and the first bytes leave before the last rows are read.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException
from fastapi.responses import StreamingResponse

from picketline.db.filters import StruggleFilter
from picketline.publish.exports import FORMATS, export_chunks
from picketline.web.api.feeds import HTML_ERROR
from picketline.web.api.struggles import FILTER_PARAMETERS, filter_from_request
from picketline.web.deps import DbDep

router = APIRouter(prefix="/exports", tags=["exports"])

FilterDep = Annotated[StruggleFilter, Depends(filter_from_request)]

FORMAT_PARAMETER: dict[str, Any] = {
    "name": "format_name",
    "in": "path",
    "required": True,
    "description": "`csv` (ACLED-style column names), `json` (an array of the API's struggle "
    "objects) or `geojson` (a FeatureCollection of points).",
    "schema": {"type": "string", "enum": sorted(FORMATS)},
}


@router.get(
    "/struggles.{format_name}",
    summary="Download the filtered record",
    description="Every published struggle matching the filters (same parameters as the list; "
    "in its `sort` order), streamed. Never contains sensitive data or source texts.",
    response_class=StreamingResponse,
    responses={
        200: {
            "description": "The export.",
            "content": {
                "text/csv": {"schema": {"type": "string"}},
                "application/json": {"schema": {"type": "array", "items": {}}},
                "application/geo+json": {"schema": {"type": "object"}},
            },
        },
        400: {"content": HTML_ERROR, "description": "A filter is not valid (the page says which)."},
        404: {"content": HTML_ERROR, "description": "Not an export format."},
    },
    openapi_extra={"parameters": [FORMAT_PARAMETER, *FILTER_PARAMETERS]},
)
def export_struggles(format_name: str, db: DbDep, wanted: FilterDep) -> StreamingResponse:
    if format_name not in FORMATS:
        raise HTTPException(404, f"no export format {format_name!r}; use csv, json or geojson")
    kind = FORMATS[format_name]
    filename = f"picketline-struggles.{kind.suffix}"
    return StreamingResponse(
        export_chunks(db, wanted, format_name),
        media_type=kind.media_type,
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )
