/* Search of the static mirror, in the browser: no server, works from file://.
 *
 * The index (search/index-LANG.js) is loaded by a <script> tag before this
 * file and sets window.PICKETLINE_SEARCH = {fields, labels, rows}. Every word
 * typed must occur in a struggle's title, place, country, sector, actions or
 * people; ?q=, ?country=, ?sector= and ?action= in the address pre-fill the
 * search, so the site's own search forms keep working in the mirror.
 */
(function () {
  "use strict";
  var MAX_SHOWN = 100;
  var index = window.PICKETLINE_SEARCH;
  var input = document.getElementById("mirror-q");
  var status = document.getElementById("mirror-status");
  var list = document.getElementById("mirror-results");
  if (!input || !status || !list) { return; }
  if (!index) { status.textContent = status.dataset.loading; return; }

  var F = {};
  index.fields.forEach(function (name, i) { F[name] = i; });
  var labels = index.labels;
  var urlTemplate = list.dataset.struggleUrl;

  function fold(text) {
    return String(text || "").toLowerCase().normalize("NFKD").replace(/[\u0300-\u036f]/g, "")
      .replace(/ё/g, "е");
  }

  var haystacks = index.rows.map(function (row) {
    var actions = (row[F.actions] || []).map(function (a) { return labels.action[a] || a; });
    return fold([
      row[F.title], row[F.place], labels.country[row[F.country]] || "", row[F.country],
      labels.sector[row[F.sector]] || "", actions.join(" "), row[F.who], row[F.start]
    ].join(" "));
  });

  var params = new URLSearchParams(window.location.search);
  var filters = {
    country: (params.get("country") || "").toUpperCase(),
    sector: (params.get("sector") || "").toUpperCase(),
    action: params.get("action") || ""
  };
  input.value = params.get("q") || "";

  function matches(row, i, words) {
    if (filters.country && row[F.country] !== filters.country) { return false; }
    if (filters.sector && row[F.sector] !== filters.sector) { return false; }
    if (filters.action && (row[F.actions] || []).indexOf(filters.action) < 0) { return false; }
    for (var w = 0; w < words.length; w++) {
      if (haystacks[i].indexOf(words[w]) < 0) { return false; }
    }
    return true;
  }

  function item(row) {
    var li = document.createElement("li");
    var article = document.createElement("article");
    article.className = "struggle-card";
    var h2 = document.createElement("h2");
    var a = document.createElement("a");
    a.href = urlTemplate.replace("{id}", String(row[F.id]));
    a.textContent = row[F.title];
    h2.appendChild(a);
    var meta = document.createElement("p");
    meta.className = "meta";
    var country = labels.country[row[F.country]] || row[F.country] || "";
    var bits = [[row[F.place], country].filter(Boolean).join(", "), row[F.start] || "",
      labels.sector[row[F.sector]] || ""];
    meta.textContent = bits.filter(Boolean).join(" · ");
    var tags = document.createElement("p");
    tags.className = "meta";
    tags.textContent = (row[F.actions] || []).map(function (x) {
      return labels.action[x] || x;
    }).join(", ");
    article.appendChild(h2);
    article.appendChild(meta);
    article.appendChild(tags);
    li.appendChild(article);
    return li;
  }

  function run() {
    var words = fold(input.value).split(/\s+/).filter(Boolean);
    list.textContent = "";
    if (!words.length && !filters.country && !filters.sector && !filters.action) {
      status.textContent = status.dataset.hint;
      return;
    }
    var found = [];
    for (var i = 0; i < index.rows.length; i++) {
      if (matches(index.rows[i], i, words)) { found.push(index.rows[i]); }
    }
    var fragment = document.createDocumentFragment();
    found.slice(0, MAX_SHOWN).forEach(function (row) { fragment.appendChild(item(row)); });
    list.appendChild(fragment);
    var text = found.length === 0 ? status.dataset.none
      : found.length === 1 ? status.dataset.foundOne
      : status.dataset.foundMany.replace("{n}", String(found.length));
    if (found.length > MAX_SHOWN) {
      text += " " + status.dataset.shown.replace("{n}", String(MAX_SHOWN));
    }
    status.textContent = text;
  }

  var timer = null;
  input.addEventListener("input", function () {
    window.clearTimeout(timer);
    timer = window.setTimeout(run, 150);
  });
  input.form.addEventListener("submit", function (event) {
    event.preventDefault();
    run();
  });
  run();
}());
