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
      title: feature.properties.name, keyboard: true
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
    if (el.dataset.center) {
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

    var pending = null;
    function load() {
      if (pending) { pending.abort(); }
      pending = new AbortController();
      var b = map.getBounds();
      var params = new URLSearchParams({
        bbox: [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()].map(function (v) { return v.toFixed(5); }).join(","),
        zoom: String(map.getZoom())
      });
      if (el.dataset.centre) { params.set("centre", el.dataset.centre); }
      wanted.forEach(function (name) {
        var url = el.dataset.layerUrl.replace("LAYER", name) + "?" + params.toString();
        fetch(url, { signal: pending.signal, credentials: "same-origin" })
          .then(function (r) { return r.ok ? r.json() : null; })
          .then(function (data) {
            if (!data) { return; }
            layers[name].clearLayers();
            layers[name].addData(data);
            el.dataset.loaded = (el.dataset.loaded ? el.dataset.loaded + "," : "") + name;
          })
          .catch(function () { /* aborted by a newer view, or offline: the lists still work */ });
      });
    }
    if (wanted.length) {
      map.on("moveend", load);
      load();
    }
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
