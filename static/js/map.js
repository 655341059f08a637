/* Public maps. Each .map element says which layers it wants (data-layers); the layers are
   fetched for the visible bounding box and zoom only, and again when the view changes.
   Everything shown here is also in the lists on the page, so the page works without this. */
(function () {
  "use strict";

  var STATUS_COLOURS = {
    idea: "#6b4fa0", planning: "#0a6ebd", approved: "#1a7f37",
    under_construction: "#b35900", completed: "#4d4d4d", cancelled: "#a4262c"
  };
  var LEVEL_SIZES = { kommunesenter: 22, lokalsenter: 16, naersenter: 11 };

  function escapeHtml(text) {
    var div = document.createElement("div");
    div.textContent = text == null ? "" : String(text);
    return div.innerHTML;
  }

  function labelMarker(marker, label) {
    marker.on("add", function () {
      var el = marker.getElement();
      if (el) { el.setAttribute("aria-label", label); }
    });
  }

  function centreMarker(feature, latlng) {
    var size = LEVEL_SIZES[feature.properties.level] || 11;
    var marker = L.marker(latlng, {
      icon: L.divIcon({ className: "centre-icon level-" + feature.properties.level, iconSize: [size, size] }),
      title: feature.properties.name, keyboard: true, riseOnHover: true
    });
    labelMarker(marker, feature.properties.name + " (" + feature.properties.level_label + ")");
    return marker;
  }

  function projectMarker(feature, latlng) {
    var marker = L.marker(latlng, {
      icon: L.divIcon({ className: "project-icon status-" + feature.properties.status, iconSize: [14, 14] }),
      title: feature.properties.name, keyboard: true,
      zIndexOffset: 1000  // projects sit next to their centre: keep them on top
    });
    labelMarker(marker, feature.properties.name + " (" + feature.properties.status_label + ")");
    return marker;
  }

  function popup(feature) {
    var p = feature.properties;
    var html = '<a href="' + escapeHtml(p.url) + '">' + escapeHtml(p.name) + "</a>";
    if (p.status_label) { html += "<br>" + escapeHtml(p.status_label); }
    if (p.level_label) { html += "<br>" + escapeHtml(p.level_label); }
    return html;
  }

  var LAYERS = {
    grense: function () {
      return L.geoJSON(null, { style: { color: "#1d3557", weight: 2, fill: false }, interactive: false });
    },
    sentre: function () {
      return L.geoJSON(null, {
        pointToLayer: centreMarker,
        onEachFeature: function (f, layer) { layer.bindPopup(popup(f)); }
      });
    },
    prosjekter: function () {
      return L.geoJSON(null, {
        pointToLayer: projectMarker,
        style: function (f) {
          var c = STATUS_COLOURS[f.properties.status] || "#333";
          return { color: c, weight: 2, fillColor: c, fillOpacity: 0.25 };
        },
        onEachFeature: function (f, layer) { layer.bindPopup(popup(f)); }
      });
    }
  };

  function openPopupUrl(layer) {
    var url = null;
    layer.eachLayer(function (l) {
      if (l.isPopupOpen && l.isPopupOpen()) { url = l.feature.properties.url; }
    });
    return url;
  }

  function reopenPopup(layer, url) {
    layer.eachLayer(function (l) {
      if (l.feature && l.feature.properties.url === url) { l.openPopup(); }
    });
  }

  // A popup opened from the keyboard takes focus (so its link is the next thing reached),
  // Escape closes it, and focus goes back to the marker that opened it.
  function keyboardPopups(map) {
    map.on("popupopen", function (e) {
      var source = e.popup._source;
      var link = e.popup.getElement().querySelector("a");
      var marker = source && source.getElement ? source.getElement() : null;
      if (link && marker && document.activeElement === marker) { link.focus(); }
      e.popup.getElement().addEventListener("keydown", function (ev) {
        if (ev.key === "Escape") { map.closePopup(); }
      });
    });
    map.on("popupclose", function (e) {
      var popupEl = e.popup.getElement();
      var source = e.popup._source;
      if (popupEl && popupEl.contains(document.activeElement) && source && source.getElement) {
        var marker = source.getElement();
        if (marker) { marker.focus(); }
      }
    });
  }

  function initMap(el) {
    var map = L.map(el, { keyboard: true, zoomControl: true });
    if (el.dataset.basemapUrl) {
      L.tileLayer(el.dataset.basemapUrl, {
        attribution: escapeHtml(el.dataset.basemapAttribution), maxZoom: 18
      }).addTo(map);
    }
    map.attributionControl.setPrefix(false);

    var bounds = null;
    var geometryId = el.dataset.geometry;
    if (geometryId) {
      var node = document.getElementById(geometryId);
      var geometry = node ? JSON.parse(node.textContent) : null;
      if (geometry) {
        var shape = L.geoJSON(geometry, {
          style: { color: "#1d3557", weight: 2, fillOpacity: 0.1 },
          pointToLayer: function (f, latlng) { return L.circleMarker(latlng, { radius: 8 }); },
          interactive: false
        }).addTo(map);
        bounds = shape.getBounds();
      }
    }
    if (el.dataset.bounds) {
      var b = el.dataset.bounds.split(",").map(Number);
      map.fitBounds([[b[1], b[0]], [b[3], b[2]]]);
    } else if (el.dataset.center) {
      var c = el.dataset.center.split(",").map(Number);
      map.setView(c, Number(el.dataset.zoom || 14));
    } else if (bounds && bounds.isValid()) {
      map.fitBounds(bounds, { maxZoom: 16, padding: [20, 20] });
    } else {
      map.setView([59.75, 10.45], 10);  // Asker
    }

    var wanted = (el.dataset.layers || "").split(",").filter(function (n) { return LAYERS[n]; });
    var layers = {};
    wanted.forEach(function (name) { layers[name] = LAYERS[name]().addTo(map); });

    // The server changes what it sends at these zooms (see places/mapdata.py).
    function zoomClass(z) { return z < 10 ? 0 : z < 13 ? 1 : 2; }

    // Fetch a padded area and fetch again only when the view leaves it or crosses a zoom
    // class: panning to show a popup, or with the arrow keys, must not redraw the markers
    // (that would close the popup and drop keyboard focus).
    var loaded = null;
    var pending = null;
    function load() {
      var view = map.getBounds();
      var cls = zoomClass(map.getZoom());
      if (loaded && loaded.cls === cls && loaded.bounds.contains(view)) { return; }
      var area = view.pad(0.5);
      loaded = { bounds: area, cls: cls };
      if (pending) { pending.abort(); }
      pending = new AbortController();
      var params = new URLSearchParams({
        bbox: [area.getWest(), area.getSouth(), area.getEast(), area.getNorth()].map(function (v) {
          return Math.max(-180, Math.min(180, v)).toFixed(5);
        }).join(","),
        zoom: String(map.getZoom())
      });
      if (el.dataset.centre) { params.set("centre", el.dataset.centre); }
      wanted.forEach(function (name) {
        var url = el.dataset.layerUrl.replace("LAYER", name) + "?" + params.toString();
        fetch(url, { signal: pending.signal, credentials: "same-origin" })
          .then(function (r) { return r.ok ? r.json() : null; })
          .then(function (data) {
            if (!data) { return; }
            var reopen = openPopupUrl(layers[name]);
            layers[name].clearLayers();
            layers[name].addData(data);
            if (reopen) { reopenPopup(layers[name], reopen); }
            el.dataset.loaded = (el.dataset.loaded ? el.dataset.loaded + "," : "") + name;
          })
          .catch(function () { /* aborted by a newer view, or offline: the lists still work */ });
      });
    }
    if (wanted.length) {
      map.on("moveend", load);
      load();
    }
    keyboardPopups(map);
    el.leafletMap = map;
  }

  function start() {
    if (typeof L === "undefined") { return; }
    Array.prototype.forEach.call(document.querySelectorAll(".map"), initMap);
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
