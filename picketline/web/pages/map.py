"""``/map``: every published struggle on a Leaflet map, clustered by the server.

The page itself is server-rendered and useful without JavaScript (a filter
form and a table of struggles by country, each linking to the list); the map
is drawn by ``static/map.js`` from the data- attributes of its element:

- ``data-map-mode``: ``api`` (read ``/api/v1/map/...``) or ``static`` (load the
  files of ``picketline.publish.mapdata.static_files`` with script tags, which
  also works from ``file://``); the static mirror renders this page with
  ``picketline.mirror`` set in the request scope and gets ``static``;
- ``data-map-data``: where that data lives (the API prefix or the data folder,
  ``/map/data/`` unless the mirror sets ``picketline.map_data`` in the scope,
  e.g. to a relative ``data/`` for ``file://``);
- ``data-map-query``: the filter, as a query string (API mode only);
- ``data-struggle-url``: a struggle's page, ``{id}`` standing for its id;
- ``data-tile-url`` / ``data-tile-attribution``: the tile server, if any;
  none means the bundled country outlines (``static/vendor/world``).
"""

from __future__ import annotations

from typing import Annotated, Any
from urllib.parse import urlencode, urlsplit

from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi.responses import HTMLResponse

from picketline.db.filters import StruggleFilter
from picketline.domain.vocab import Sector
from picketline.publish import mapdata
from picketline.publish.stats import country_counts
from picketline.settings import Settings
from picketline.web.api.map import map_filter, map_where
from picketline.web.deps import DbDep
from picketline.web.pages.demo import DemoFlag

router = APIRouter(include_in_schema=False)

MIRROR_SCOPE_KEY = "picketline.mirror"
MAP_DATA_SCOPE_KEY = "picketline.map_data"
"""The mirror may set this scope key to where the map files are, as this page will see them."""
STATIC_DATA_PATH = "/map/data/"
"""Where the static mirror writes ``mapdata.static_files`` by default (from the site root)."""
BASE_CSP = (
    "default-src 'self'; img-src 'self' data:{tiles}; object-src 'none'; base-uri 'none'; "
    "frame-ancestors 'none'; form-action 'self'"
)


def map_csp(settings: Settings) -> str:
    """The site's CSP, with the tile server's origin allowed for images when one is set.

    Pages that show a map send this instead of the default (whose ``img-src``
    is ``'self'`` only), so a configured tile server works and nothing else does.
    """
    url = urlsplit(settings.map_tile_url.replace("{s}", "a"))
    origin = f" {url.scheme}://{url.netloc}" if url.scheme in ("http", "https") else ""
    return BASE_CSP.format(tiles=origin)


def struggle_url_template(request: Request) -> str:
    """The struggle page's path with ``{id}`` where the id goes (for the map's popups).

    In the static mirror it is relative, to the page's ``index.html`` file (as
    ``file://`` needs): as many ``../`` as the mirror put before the map data.
    """
    root = request.scope.get("root_path", "")
    path = root + str(request.app.url_path_for("struggle_page", struggle_id=0))[:-1] + "{id}"
    data = request.scope.get(MAP_DATA_SCOPE_KEY)
    if in_mirror(request) and isinstance(data, str) and data.endswith("map/data/"):
        up = data.removesuffix("map/data/")
        local = path.removeprefix("/en/") if path.startswith("/en/") else path.lstrip("/")
        return f"{up}{local}/index.html"
    return path


def path_for(request: Request, name: str) -> str:
    """A page's path in the reader's language (the prefix lives in ``root_path``)."""
    return str(request.scope.get("root_path", "")) + str(request.app.url_path_for(name))


def in_mirror(request: Request) -> bool:
    return bool(request.scope.get(MIRROR_SCOPE_KEY))


def map_attributes(request: Request, wanted: StruggleFilter) -> dict[str, str]:
    """The data- attributes that tell ``map.js`` where its data is and how to draw it."""
    settings: Settings = request.app.state.settings
    root = request.scope.get("root_path", "")
    static = in_mirror(request)
    return {
        "data-map-mode": "static" if static else "api",
        "data-map-data": (
            str(request.scope.get(MAP_DATA_SCOPE_KEY, root + STATIC_DATA_PATH))
            if static
            else "/api/v1/map/"
        ),
        "data-map-query": "" if static else urlencode(wanted.to_params(with_sort=False)),
        "data-struggle-url": struggle_url_template(request),
        "data-tile-url": settings.map_tile_url,
        "data-tile-attribution": settings.map_tile_attribution,
        "data-grid-max-zoom": str(mapdata.GRID_MAX_ZOOM),
        "data-detail-cell-zoom": str(mapdata.DETAIL_CELL_ZOOM),
        "data-max-zoom": str(mapdata.MAX_ZOOM),
    }


def page_filter(request: Request) -> StruggleFilter:
    """The map's filter; a bad one is a 400 page saying what was wrong."""
    return map_filter(request)


@router.get("/map", response_class=HTMLResponse, name="map_page")
def map_page(
    request: Request,
    db: DbDep,
    has_demo: DemoFlag,
    wanted: Annotated[StruggleFilter, Depends(page_filter)],
) -> Any:
    if in_mirror(request) and wanted.narrows():
        raise HTTPException(400, "the static map shows every published struggle, unfiltered")
    countries = country_counts(db, map_where(db, wanted))
    list_path = path_for(request, "struggle_list")
    others = [(k, v) for k, v in wanted.to_params(with_sort=False) if k != "country"]
    context = {
        "list_url": list_path
        + ("?" + urlencode(wanted.to_params(with_sort=False)) if wanted.narrows() else ""),
        "country_urls": {
            c: f"{list_path}?{urlencode([('country', c), *others])}" for c, _ in countries
        },
        "has_demo": has_demo,
        "map_attributes": map_attributes(request, wanted),
        "countries": countries,
        "total": sum(n for _, n in countries),
        "chosen_country": wanted.country[0] if wanted.country else "",
        "chosen_sector": wanted.sector[0].value if wanted.sector else "",
        "all_countries": country_counts(db, []) if wanted.narrows() else countries,
        "sectors": [s.value for s in Sector],
        "filtered": wanted.narrows(),
        "static": in_mirror(request),
    }
    templates = request.app.state.templates
    response = templates.TemplateResponse(request, "map.html", context)
    response.headers["Content-Security-Policy"] = map_csp(request.app.state.settings)
    return response
