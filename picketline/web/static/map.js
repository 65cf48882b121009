/* Picketline maps: the clustered map of /map and the one-place map of a struggle page.
 *
 * Everything comes from data- attributes (no inline script: the CSP forbids it).
 * The server clusters (picketline/publish/mapdata.py): up to data-grid-max-zoom the
 * map draws one marker per grid cell with its count; beyond, the single struggles
 * of the detail cells in view, struggles at the same spot sharing one marker.
 * Data comes from the JSON API (data-map-mode="api") or, in the static mirror,
 * from script files that call picketlineMapData(name, data) (data-map-mode="static"),
 * which load from any static host and from file:// alike.
 * Texts shown to people come translated in data-label-* attributes.
 */
(function () {
  "use strict";

  var OUTLINE_STYLE = { color: "#9a948a", weight: 0.7, fillColor: "#f3efe7", fillOpacity: 1 };
  var MAX_LISTED = 50;

  function escapeHtml(text) {
    return String(text).replace(/[&<>"']/g, function (c) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c];
    });
  }

  function formatCount(n) {
    return Number(n).toLocaleString(document.documentElement.lang || undefined);
  }

  /* The base layer: tiles when a tile server is configured, else the bundled outlines. */
  function addBaseLayer(map, data) {
    if (data.tileUrl) {
      L.tileLayer(data.tileUrl, { attribution: escapeHtml(data.tileAttribution || "") }).addTo(map);
      return;
    }
    map.getContainer().classList.add("map-outlines");
    if (window.PICKETLINE_OUTLINES) {
      L.geoJSON(window.PICKETLINE_OUTLINES, { style: OUTLINE_STYLE, interactive: false }).addTo(map);
    }
    map.attributionControl.addAttribution(escapeHtml(data.labelOutlines || "Natural Earth"));
  }

  /* ---- where the data comes from ---- */

  function apiSource(base, query) {
    var cache = {};
    function get(path) {
      var url = base + path + (query ? (path.indexOf("?") < 0 ? "?" : "&") + query : "");
      if (!cache[url]) {
        cache[url] = fetch(url, { headers: { Accept: "application/json" } }).then(function (r) {
          if (!r.ok) { throw new Error("HTTP " + r.status); }
          return r.json();
        });
        cache[url].catch(function () { delete cache[url]; });
      }
      return cache[url];
    }
    return {
      zoom: function (z) { return get("clusters?zoom=" + z); },
      cell: function (x, y) { return get("cells/" + x + "/" + y); },
      hasCell: function () { return Promise.resolve(true); }
    };
  }

  function staticSource(base) {
    var cache = {};
    var waiting = {};
    window.picketlineMapData = function (name, data) {
      if (waiting[name]) { waiting[name](data); delete waiting[name]; }
    };
    function load(name) {
      if (!cache[name]) {
        cache[name] = new Promise(function (resolve, reject) {
          waiting[name] = resolve;
          var script = document.createElement("script");
          script.src = base + name + ".js";
          script.onerror = function () { delete cache[name]; reject(new Error(name)); };
          script.onload = function () { script.remove(); };
          document.head.appendChild(script);
        });
      }
      return cache[name];
    }
    return {
      zoom: function (z) { return load("z" + z); },
      cell: function (x, y) { return load("cells/" + x + "_" + y); },
      hasCell: function (x, y) {
        return load("index").then(function (index) { return index.cells.indexOf(x + "_" + y) >= 0; });
      }
    };
  }

  /* ---- the grid (the same arithmetic as mapdata.py) ---- */

  function cellSize(zoom) { return 360 / Math.pow(2, zoom + 2); }

  function cellsInView(bounds, zoom) {
    var size = cellSize(zoom);
    var columns = Math.round(360 / size), rows = Math.round(180 / size);
    function clamp(v, n) { return Math.max(0, Math.min(n - 1, v)); }
    var x0 = clamp(Math.floor((Math.max(bounds.getWest(), -180) + 180) / size), columns);
    var x1 = clamp(Math.floor((Math.min(bounds.getEast(), 180) + 180) / size), columns);
    var y0 = clamp(Math.floor((Math.max(bounds.getSouth(), -90) + 90) / size), rows);
    var y1 = clamp(Math.floor((Math.min(bounds.getNorth(), 90) + 90) / size), rows);
    var out = [];
    for (var x = x0; x <= x1; x++) { for (var y = y0; y <= y1; y++) { out.push([x, y]); } }
    return out;
  }

  /* ---- markers ---- */

  function sizeClass(count) {
    return count >= 1000 ? "map-cluster-l" : count >= 100 ? "map-cluster-m" : "map-cluster-s";
  }

  function clusterMarker(map, cluster, labels, zoomTo) {
    var title = counted(labels, cluster.count) + " · " + labels.zoom;
    var icon = L.divIcon({
      className: "map-cluster " + sizeClass(cluster.count),
      html: "<span>" + escapeHtml(formatCount(cluster.count)) + "</span>",
      iconSize: null
    });
    var marker = L.marker([cluster.lat, cluster.lon], { icon: icon, title: title, alt: title, riseOnHover: true });
    marker.on("click", function () { map.setView([cluster.lat, cluster.lon], zoomTo); });
    marker.picketlineKey = "c" + zoomTo + ":" + cluster.x + "," + cluster.y + ":" + cluster.count;
    return marker;
  }

  function popupFor(points, data, labels) {
    var box = document.createElement("div");
    box.className = "map-popup";
    var list = document.createElement(points.length > 1 ? "ol" : "div");
    points.slice(0, MAX_LISTED).forEach(function (p) {
      var link = document.createElement("a");
      link.href = data.struggleUrl.replace("{id}", String(p.id));
      link.textContent = p.title;
      if (points.length > 1) {
        var item = document.createElement("li");
        item.appendChild(link);
        list.appendChild(item);
      } else {
        list.appendChild(link);
      }
    });
    box.appendChild(list);
    if (points.length > MAX_LISTED) {
      var more = document.createElement("p");
      more.textContent = labels.more.replace("%(n)s", formatCount(points.length - MAX_LISTED));
      box.appendChild(more);
    }
    return box;
  }

  function pointMarker(points, data, labels) {
    var first = points[0];
    var many = points.length > 1;
    var title = many ? counted(labels, points.length) : first.title;
    var icon = L.divIcon({
      className: many ? "map-stack " + sizeClass(points.length) : "map-point",
      html: many ? "<span>" + escapeHtml(formatCount(points.length)) + "</span>" : "",
      iconSize: null
    });
    var marker = L.marker([first.lat, first.lon], { icon: icon, title: title, alt: title, riseOnHover: true });
    marker.bindPopup(popupFor(points, data, labels), { maxWidth: 320, maxHeight: 260 });
    marker.picketlineKey = "p" + first.lat + "," + first.lon + ":" + points.length + ":" + first.id;
    return marker;
  }

  /* Struggles at exactly the same spot (the same place) share one marker. */
  function groupBySpot(points) {
    var spots = {};
    var order = [];
    points.forEach(function (p) {
      var key = p.lat.toFixed(5) + "," + p.lon.toFixed(5);
      if (!spots[key]) { spots[key] = []; order.push(key); }
      spots[key].push(p);
    });
    return order.map(function (key) { return spots[key]; });
  }

  function counted(labels, n) {
    return labels.count.replace("%(n)s", formatCount(n));
  }

  function labelsOf(data) {
    return {
      count: data.labelCount || "%(n)s struggles",
      zoom: data.labelZoom || "zoom in",
      more: data.labelMore || "and %(n)s more",
      error: data.labelError || "The map data could not be loaded."
    };
  }

  /* ---- the clustered map ---- */

  function clusterMap(element) {
    var data = element.dataset;
    var labels = labelsOf(data);
    var gridMax = parseInt(data.gridMaxZoom, 10);
    var cellZoom = parseInt(data.detailCellZoom, 10);
    var maxZoom = parseInt(data.maxZoom, 10);
    var status = element.parentNode.querySelector(".map-status");
    element.innerHTML = "";
    var map = L.map(element, {
      minZoom: 1,
      maxZoom: maxZoom,
      worldCopyJump: false,
      maxBounds: [[-90, -200], [90, 200]],
      maxBoundsViscosity: 1.0
    });
    addBaseLayer(map, data);
    map.fitBounds([[-50, -150], [72, 160]]);
    var layer = L.layerGroup().addTo(map);
    var source = data.mapMode === "static" ? staticSource(data.mapData) : apiSource(data.mapData, data.mapQuery);
    var generation = 0;

    function say(text) { if (status) { status.textContent = text; } }

    var shownMarkers = {};

    /* Replace the markers, keeping those that stay (an open popup survives the pan it causes). */
    function draw(markers, shown) {
      var next = {};
      markers.forEach(function (m) {
        var kept = shownMarkers[m.picketlineKey];
        next[m.picketlineKey] = kept || m;
        if (!kept) { layer.addLayer(m); }
      });
      Object.keys(shownMarkers).forEach(function (key) {
        if (!next[key]) { layer.removeLayer(shownMarkers[key]); }
      });
      shownMarkers = next;
      element.setAttribute("data-map-markers", String(Object.keys(next).length));
      element.setAttribute("data-map-ready", String(generation));
      say(counted(labels, shown));
    }

    function failed() {
      element.setAttribute("data-map-error", "1");
      say(labels.error);
    }

    function showGrid(zoom, mine) {
      source.zoom(zoom).then(function (answer) {
        if (mine !== generation) { return; }
        var next = Math.min(zoom + 2, gridMax + 1);
        var markers = answer.clusters.map(function (c) { return clusterMarker(map, c, labels, next); });
        groupBySpot(answer.points).forEach(function (group) { markers.push(pointMarker(group, data, labels)); });
        draw(markers, answer.total);
      }).catch(failed);
    }

    function showDetail(mine) {
      var cells = cellsInView(map.getBounds(), cellZoom);
      Promise.all(cells.map(function (c) {
        return source.hasCell(c[0], c[1]).then(function (has) {
          return has ? source.cell(c[0], c[1]) : { points: [] };
        });
      })).then(function (answers) {
        if (mine !== generation) { return; }
        var points = [];
        answers.forEach(function (a) { points = points.concat(a.points); });
        var view = map.getBounds().pad(0.2);
        points = points.filter(function (p) { return view.contains([p.lat, p.lon]); });
        draw(groupBySpot(points).map(function (group) { return pointMarker(group, data, labels); }), points.length);
      }).catch(failed);
    }

    function refresh() {
      generation += 1;
      var zoom = map.getZoom();
      if (zoom <= gridMax) { showGrid(zoom, generation); } else { showDetail(generation); }
    }

    map.on("moveend", refresh);
    refresh();
    element.picketlineMap = map;
  }

  /* ---- one place (the struggle page) ---- */

  function placeMap(element) {
    var data = element.dataset;
    var lat = parseFloat(data.lat), lon = parseFloat(data.lon);
    if (isNaN(lat) || isNaN(lon)) { return; }
    var map = L.map(element, { zoomControl: true, scrollWheelZoom: false, keyboard: false });
    addBaseLayer(map, data);
    map.setView([lat, lon], data.tileUrl ? 9 : 4);
    var icon = L.divIcon({ className: "map-point map-point-here", html: "", iconSize: null });
    L.marker([lat, lon], { icon: icon, title: data.placeName || "", keyboard: false, interactive: false }).addTo(map);
    element.setAttribute("data-map-ready", "1");
    element.picketlineMap = map;
  }

  function start() {
    if (!window.L) { return; }
    var maps = document.querySelectorAll(".map[data-map-mode], .map[data-map-kind='place']");
    Array.prototype.forEach.call(maps, function (element) {
      if (element.getAttribute("data-map-kind") === "place") { placeMap(element); } else { clusterMap(element); }
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
