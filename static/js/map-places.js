/* The places on the public maps (centres and projects), for map.js: markers that name themselves
   to screen readers, popups with a project's status, dwellings and years, centre names beside
   their markers that give way to each other, and clusters for markers that would hide each
   other, which open from the keyboard too. The words come translated from the page
   (data-texts on the map element, places/templatetags/maps.py). */
(function () {
  "use strict";

  var STATUS_COLOURS = {  // as in site.css
    idea: "#6b4fa0", planning: "#0a6ebd", approved: "#1a7f37",
    under_construction: "#b35900", completed: "#4d4d4d", cancelled: "#a4262c"
  };
  var LEVEL_SIZES = { kommunesenter: 22, lokalsenter: 16, naersenter: 11 };
  // A centre's name shows beside it from this zoom on: the larger centres first.
  var LABEL_ZOOM = { kommunesenter: 0, lokalsenter: 9, naersenter: 12 };
  var LEVEL_RANK = { kommunesenter: 1, lokalsenter: 2, naersenter: 3 };
  var PROJECT_RANK = 10;
  var CURRENT_RANK = 0;
  // Markers closer than this (in pixels) join a cluster: about the size of two markers, so only
  // markers that would cover each other are grouped.
  var CLUSTER_RADIUS = 24;
  // A cluster's label names this many of its places; the rest are counted.
  var CLUSTER_NAMES = 8;

  function escapeHtml(text) {
    var div = document.createElement("div");
    div.textContent = text == null ? "" : String(text);
    return div.innerHTML;
  }

  function fill(template, values) {
    return String(template || "").replace(/%\((\w+)\)s/g, function (all, key) {
      return values[key] == null ? all : String(values[key]);
    });
  }

  function numberFormat() {
    var lang = document.documentElement.lang || "nb";
    try { return new Intl.NumberFormat(lang); } catch (e) { return new Intl.NumberFormat(); }
  }

  // A divIcon whose element carries the marker's accessible name: set here, it is there each
  // time the cluster layer adds the marker again.
  var NamedIcon = L.DivIcon.extend({
    createIcon: function (old) {
      var div = L.DivIcon.prototype.createIcon.call(this, old);
      div.setAttribute("aria-label", this.options.label);
      return div;
    }
  });

  // The name and a cluster's count are drawn from data-text by CSS (site.css), so the marker has
  // no text of its own beside its aria-label: the visible words are all part of its name.
  function labelHtml(name, rank, minZoom) {
    return '<span class="map-label" aria-hidden="true" data-rank="' + rank + '" data-min-zoom="' + minZoom +
      '" data-text="' + escapeHtml(name).replace(/"/g, "&quot;") + '"></span>';
  }

  function Places(map, el) {
    this.map = map;
    this.texts = JSON.parse(el.dataset.texts || "{}");
    this.numbers = numberFormat();
    this.highlight = el.dataset.highlight || null;
    this.byLayer = {};
    this.pendingFocus = null;
    var self = this;
    this.group = L.markerClusterGroup({
      maxClusterRadius: CLUSTER_RADIUS,
      showCoverageOnHover: false,
      spiderfyOnMaxZoom: true,
      iconCreateFunction: function (cluster) { return self.clusterIcon(cluster); }
    }).addTo(map);
    this.areas = L.geoJSON(null, {
      style: function (f) {
        var c = STATUS_COLOURS[f.properties.status] || "#333";
        return { color: c, weight: 2, fillColor: c, fillOpacity: 0.25 };
      },
      onEachFeature: function (f, layer) { self.bindPopup(layer, f.properties); }
    }).addTo(map);

    // Enter on a cluster zooms in (or spreads its markers out at the last zoom); then the
    // keyboard goes on from the first of its places, not from the top of the page.
    this.group.on("clusterkeypress", function (e) {
      if (e.originalEvent && e.originalEvent.keyCode === 13) {
        var urls = e.layer.getAllChildMarkers().map(function (m) { return m.placeUrl; });
        self.pendingFocus = { urls: urls, until: Date.now() + 5000 };
      }
    });
    this.group.on("spiderfied", function (e) {
      if (self.pendingFocus) {
        self.pendingFocus = null;
        var first = firstInTabOrder(e.markers.map(function (m) { return m.getElement(); }));
        if (first) { first.focus(); }
      }
    });
    // Someone who moved on from the map with Tab is not pulled back to it.
    document.addEventListener("focusin", function (e) {
      if (!map.getContainer().contains(e.target)) { self.pendingFocus = null; }
    });
    this.group.on("animationend", function () { self.settle(); });
    map.on("zoomend moveend", function () { self.settle(); });
  }

  // The element of `elements` that Tab reaches first: from there Tab reaches all the others.
  function firstInTabOrder(elements) {
    return elements.filter(Boolean).reduce(function (first, el) {
      return !first || (el.compareDocumentPosition(first) & Node.DOCUMENT_POSITION_FOLLOWING) ? el : first;
    }, null);
  }

  function byRank(a, b) {
    return (a.placeRank - b.placeRank) || a.placeName.localeCompare(b.placeName);
  }

  Places.prototype.clusterIcon = function (cluster) {
    var t = this.texts;
    var markers = cluster.getAllChildMarkers().slice().sort(byRank);
    var count = markers.length;
    var names = markers.slice(0, CLUSTER_NAMES).map(function (m) { return m.placeLabel; });
    if (count > CLUSTER_NAMES) { names.push(fill(t.cluster_more, { n: this.numbers.format(count - CLUSTER_NAMES) })); }
    var best = markers[0];
    var html = '<span class="map-cluster-count" aria-hidden="true" data-text="' + this.numbers.format(count) + '"></span>';
    if (best.placeLevel) { html += labelHtml(best.placeName, best.placeRank, LABEL_ZOOM[best.placeLevel]); }
    return new NamedIcon({
      html: html, className: "map-cluster", iconSize: [26, 26],
      label: fill(t.cluster, { count: this.numbers.format(count), names: names.join("; ") })
    });
  };

  Places.prototype.centreMarker = function (p, latlng) {
    var current = p.url === this.highlight;
    var size = LEVEL_SIZES[p.level] || 11;
    var rank = current ? CURRENT_RANK : LEVEL_RANK[p.level] || 3;
    var label = p.name + " (" + p.level_label + (current ? "; " + this.texts.current : "") + ")";
    var marker = L.marker(latlng, {
      icon: new NamedIcon({
        className: "centre-icon level-" + p.level + (current ? " is-current" : ""), iconSize: [size, size],
        html: labelHtml(p.name, rank, current ? 0 : LABEL_ZOOM[p.level]), label: label
      }),
      keyboard: true, riseOnHover: true, zIndexOffset: current ? 2000 : 0
    });
    marker.placeLevel = p.level;
    marker.placeRank = rank;
    marker.placeLabel = label;
    marker.placeCurrent = current;
    return marker;
  };

  Places.prototype.projectMarker = function (p, latlng) {
    var label = p.name + " (" + p.status_label + ")";
    var marker = L.marker(latlng, {
      icon: new NamedIcon({ className: "project-icon status-" + p.status, iconSize: [14, 14], label: label }),
      title: p.name, keyboard: true,
      zIndexOffset: 1000  // projects sit next to their centre: keep them on top
    });
    marker.placeRank = PROJECT_RANK;
    marker.placeLabel = label;
    return marker;
  };

  Places.prototype.popupContent = function (p) {
    var t = this.texts;
    var box = document.createElement("div");
    var link = document.createElement("a");
    link.href = p.url;
    link.textContent = p.name;
    // Names are Norwegian: say so on pages in another language, as the server's pages do.
    if (document.documentElement.lang !== "nb") { link.lang = "nb"; }
    box.appendChild(link);
    var lines = [];
    if (p.level_label) { lines.push(p.level_label); }
    if (p.status_label) {
      lines.push(p.status_label);
      if (p.dwellings == null) {
        lines.push(t.dwellings_unknown);
      } else {
        var form = p.dwellings === 1 ? t.dwellings_one : t.dwellings_other;
        lines.push(fill(form, { n: this.numbers.format(p.dwellings) }));
      }
      // Years are written as they are: "2 019" would be wrong.
      if (p.first_year != null && p.last_year != null) {
        lines.push(fill(p.first_year === p.last_year ? t.year : t.years, { first: p.first_year, last: p.last_year }));
      } else if (p.first_year != null) {
        lines.push(fill(t.years_from, { first: p.first_year }));
      } else if (p.last_year != null) {
        lines.push(fill(t.years_until, { last: p.last_year }));
      }
    }
    lines.forEach(function (text) {
      var line = document.createElement("p");
      line.textContent = text;
      box.appendChild(line);
    });
    return box;
  };

  Places.prototype.bindPopup = function (layer, p) {
    var self = this;
    layer.bindPopup(function () { return self.popupContent(p); });
  };

  function latLngOf(f) {
    var point = f.geometry && f.geometry.type === "Point" ? f.geometry.coordinates : f.properties.point;
    return point ? L.latLng(point[1], point[0]) : null;
  }

  function markerKey(f) {
    return JSON.stringify([f.properties, latLngOf(f)]);
  }

  // Replace the markers of one layer ("sentre" or "prosjekter") with those in `data`. Markers
  // that did not change stay as they are, so the one with keyboard focus or an open popup
  // keeps it while the map pans and zooms.
  Places.prototype.update = function (name, data) {
    var self = this;
    var focusedUrl = this.focusedUrl();
    var old = this.byLayer[name] || {};
    var next = {};
    var added = [];
    data.features.forEach(function (f) {
      var latlng = latLngOf(f);
      var key = f.properties.url;
      if (!latlng || next[key]) { return; }
      var marker = old[key];
      if (marker && marker.placeKey === markerKey(f)) {
        delete old[key];
      } else {
        marker = name === "sentre" ? self.centreMarker(f.properties, latlng) : self.projectMarker(f.properties, latlng);
        marker.placeKey = markerKey(f);
        marker.placeName = f.properties.name;
        marker.placeUrl = key;
        self.bindPopup(marker, f.properties);
        added.push(marker);
      }
      next[key] = marker;
    });
    var removed = Object.keys(old).map(function (k) { return old[k]; });
    // The page's own centre stays out of the clusters: it is what the page is about.
    removed.forEach(function (m) { if (m.placeCurrent) { self.map.removeLayer(m); } });
    added.forEach(function (m) { if (m.placeCurrent) { m.addTo(self.map); } });
    this.group.removeLayers(removed.filter(function (m) { return !m.placeCurrent; }));
    this.group.addLayers(added.filter(function (m) { return !m.placeCurrent; }));
    this.byLayer[name] = next;
    if (name === "prosjekter") {
      this.areas.clearLayers();
      this.areas.addData(data.features.filter(function (f) { return f.geometry && f.geometry.type !== "Point"; }));
    }
    if (focusedUrl && !this.map.getContainer().contains(document.activeElement)) {
      this.pendingFocus = { urls: [focusedUrl], until: Date.now() + 5000 };
    }
    this.settle();
  };

  Places.prototype.markers = function () {
    var all = [];
    var layers = this.byLayer;
    Object.keys(layers).forEach(function (name) {
      Object.keys(layers[name]).forEach(function (url) { all.push(layers[name][url]); });
    });
    return all;
  };

  // What a marker looks like now: itself, or the cluster it is in.
  Places.prototype.shown = function (marker) {
    return marker.placeCurrent || !this.group.hasLayer(marker) ? marker : this.group.getVisibleParent(marker);
  };

  Places.prototype.focusedUrl = function () {
    var active = document.activeElement;
    var self = this;
    var found = null;
    this.markers().sort(byRank).forEach(function (m) {
      var shown = found ? null : self.shown(m);
      if (shown && shown.getElement && shown.getElement() === active) { found = m.placeUrl; }
    });
    return found;
  };

  Places.prototype.markerFor = function (url) {
    var all = this.markers();
    for (var i = 0; i < all.length; i++) { if (all[i].placeUrl === url) { return all[i]; } }
    return null;
  };

  // After the map moved, the clusters changed or new data came: give focus back where the
  // keyboard user was (after Enter on a cluster: to the first of its places that Tab reaches),
  // and decide which names have room.
  Places.prototype.settle = function () {
    var pending = this.pendingFocus;
    if (pending && Date.now() < pending.until && !this.group._inZoomAnimation) {
      var self = this;
      var shown = pending.urls.map(function (url) {
        var marker = self.markerFor(url);
        var layer = marker && self.shown(marker);
        return layer && layer.getElement ? layer.getElement() : null;
      });
      var target = firstInTabOrder(shown);
      if (target) {
        target.focus();
        if (!target.classList.contains("map-cluster")) { this.pendingFocus = null; }
      }
    } else if (pending && Date.now() >= pending.until) {
      this.pendingFocus = null;
    }
    this.declutter();
  };

  function overlaps(a, b) {
    return a.left < b.right + 2 && b.left < a.right + 2 && a.top < b.bottom + 1 && b.top < a.bottom + 1;
  }

  // Show each name that is due at this zoom, the most important first, to the right of its
  // marker or else to the left, where it covers no name already shown and no other marker.
  Places.prototype.declutter = function () {
    var zoom = this.map.getZoom();
    var container = this.map.getContainer();
    var icons = Array.prototype.map.call(container.querySelectorAll(".leaflet-marker-icon"), function (el) {
      return { el: el, rect: el.getBoundingClientRect() };
    });
    var labels = Array.prototype.slice.call(container.querySelectorAll(".map-label"));
    labels.sort(function (a, b) { return Number(a.dataset.rank) - Number(b.dataset.rank); });
    var taken = [];
    labels.forEach(function (label) {
      label.classList.remove("is-shown", "on-left");
      if (zoom < Number(label.dataset.minZoom)) { return; }
      var own = label.parentNode;
      var placed = [false, true].some(function (left) {
        label.classList.toggle("on-left", left);
        var r = label.getBoundingClientRect();
        var free = r.width > 0 &&
          !taken.some(function (o) { return overlaps(r, o); }) &&
          !icons.some(function (i) { return i.el !== own && overlaps(r, i.rect); });
        if (free) { taken.push(r); }
        return free;
      });
      if (placed) { label.classList.add("is-shown"); } else { label.classList.remove("on-left"); }
    });
  };

  window.AskerMapPlaces = Places;
  window.AskerMapPlaces.fill = fill;
})();
