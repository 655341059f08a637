/* Public maps. Each .map element says which layers it wants (data-layers); the layers are
   fetched for the visible bounding box and zoom only, and again when the view changes.
   Everything shown here is also in the lists on the page, so the page works without this:
   the map box and its keyboard note stay hidden until the map is really there. */
(function () {
  "use strict";

  function escapeHtml(text) {
    var div = document.createElement("div");
    div.textContent = text == null ? "" : String(text);
    return div.innerHTML;
  }

  // A popup opened from the keyboard takes focus (so its link is the next thing reached),
  // Escape closes it, and focus goes back to the marker that opened it.
  function keyboardPopups(map, texts) {
    map.on("popupopen", function (e) {
      var source = e.popup._source;
      var popupEl = e.popup.getElement();
      var close = popupEl.querySelector(".leaflet-popup-close-button");
      if (close && texts.close) { close.setAttribute("aria-label", texts.close); }
      var link = popupEl.querySelector("a[href]:not(.leaflet-popup-close-button)");
      var marker = source && source.getElement ? source.getElement() : null;
      if (link && marker && document.activeElement === marker) { link.focus(); }
      popupEl.addEventListener("keydown", function (ev) {
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

  // Markers and clusters are buttons (role="button"): Space opens them as Enter does in Leaflet.
  function spaceOpensMarkers(el) {
    el.addEventListener("keydown", function (e) {
      var target = e.target;
      if (e.key === " " && target.classList && target.classList.contains("leaflet-marker-icon")) {
        e.preventDefault();  // not a page scroll
        target.dispatchEvent(new KeyboardEvent("keypress", { key: "Enter", keyCode: 13, which: 13, bubbles: true }));
      }
    });
  }

  function latLngList(value) {
    var v = value.split(",").map(Number);
    return v.length === 2 && v.every(isFinite) ? L.latLng(v[0], v[1]) : null;
  }

  // The first view: the page's bounds fitted exactly (fractional zoom, so the municipality
  // fills the box at any width), or a point and zoom, or the page's own shape.
  function firstView(map, el, shape) {
    if (el.dataset.bounds) {
      var b = el.dataset.bounds.split(",").map(Number);
      map.options.zoomSnap = 0;
      map.fitBounds([[b[1], b[0]], [b[3], b[2]]], { padding: [4, 4], animate: false });
      map.options.zoomSnap = 1;  // from here on whole zoom levels, where the tiles are sharp
      return;
    }
    if (el.dataset.center) {
      map.setView(latLngList(el.dataset.center), Number(el.dataset.zoom || 14));
      return;
    }
    var bounds = shape ? shape.getBounds() : null;
    if (bounds && bounds.isValid()) {
      var extra = el.dataset.include ? latLngList(el.dataset.include) : null;
      if (extra) { bounds = L.latLngBounds(bounds.getSouthWest(), bounds.getNorthEast()).extend(extra); }
      map.fitBounds(bounds, { maxZoom: 16, padding: [24, 24] });
      return;
    }
    map.setView([59.75, 10.45], 10);  // Asker
  }

  function initMap(el) {
    var texts = JSON.parse(el.dataset.texts || "{}");
    el.hidden = false;
    var note = el.parentNode.querySelector(".map-note");
    if (note) { note.hidden = false; }

    // People who ask their system for less motion get no fades or zoom animations (WCAG 2.3.3).
    var still = window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)").matches;
    var map = L.map(el, {
      keyboard: true, zoomControl: false, maxZoom: 18,
      fadeAnimation: !still, zoomAnimation: !still, markerZoomAnimation: !still
    });
    L.control.zoom({ zoomInTitle: texts.zoom_in || "Zoom in", zoomOutTitle: texts.zoom_out || "Zoom out" }).addTo(map);
    if (el.dataset.basemapUrl) {
      L.tileLayer(el.dataset.basemapUrl, {
        attribution: escapeHtml(el.dataset.basemapAttribution), maxZoom: 18
      }).addTo(map);
    }
    map.attributionControl.setPrefix(false);

    var shape = null;
    var geometryId = el.dataset.geometry;
    if (geometryId) {
      var node = document.getElementById(geometryId);
      var geometry = node ? JSON.parse(node.textContent) : null;
      if (geometry) {
        // The page's own area (a project, a plan, a consultation): drawn strongest.
        shape = L.geoJSON(geometry, {
          style: { className: "page-shape", color: "#1d3557", weight: 3, fillOpacity: 0.15 },
          pointToLayer: function (f, latlng) { return L.circleMarker(latlng, { radius: 9, weight: 3 }); },
          interactive: false
        }).addTo(map);
      }
    }
    firstView(map, el, shape);

    var wanted = (el.dataset.layers || "").split(",").filter(function (n) {
      return n === "grense" || n === "sentre" || n === "prosjekter";
    });
    var boundary = null;
    var places = null;
    if (wanted.indexOf("grense") >= 0) {
      boundary = L.geoJSON(null, {
        style: { className: "map-boundary", color: "#1d3557", weight: 2, fill: false }, interactive: false
      }).addTo(map);
    }
    if (wanted.indexOf("sentre") >= 0 || wanted.indexOf("prosjekter") >= 0) {
      places = new window.AskerMapPlaces(map, el);
    }

    // The server changes what it sends at these zooms (see places/mapdata.py).
    function zoomClass(z) { return z < 10 ? 0 : z < 13 ? 1 : 2; }

    // Fetch a padded area and fetch again only when the view leaves it or crosses a zoom
    // class: panning to show a popup, or with the arrow keys, must not redraw the markers
    // (that would close the popup and drop keyboard focus).
    var loaded = null;
    var pending = null;
    // How many layer requests are on their way (data-busy): tests wait for it to be 0.
    function busy(change) { el.dataset.busy = String(Number(el.dataset.busy || 0) + change); }
    function load() {
      var view = map.getBounds();
      var zoom = Math.floor(map.getZoom());
      var cls = zoomClass(zoom);
      if (loaded && loaded.cls === cls && loaded.bounds.contains(view)) { return; }
      var area = view.pad(0.5);
      loaded = { bounds: area, cls: cls };
      if (pending) { pending.abort(); }
      pending = new AbortController();
      var bbox = [area.getWest(), area.getSouth(), area.getEast(), area.getNorth()].map(function (v) {
        return Math.max(-180, Math.min(180, v)).toFixed(5);
      }).join(",");
      wanted.forEach(function (name) {
        var params = new URLSearchParams({ bbox: bbox, zoom: String(zoom) });
        // A centre's page shows that centre's projects, among all the centres around it.
        if (el.dataset.centre && name === "prosjekter") { params.set("centre", el.dataset.centre); }
        var url = el.dataset.layerUrl.replace("LAYER", name) + "?" + params.toString();
        busy(1);
        fetch(url, { signal: pending.signal, credentials: "same-origin" })
          .then(function (r) { return r.ok ? r.json() : null; })
          .then(function (data) {
            if (!data) { return; }
            if (name === "grense") {
              boundary.clearLayers();
              boundary.addData(data);
              boundary.bringToBack();  // context, under the places and the page's own shape
            } else {
              places.update(name, data);
            }
            el.dataset.loaded = (el.dataset.loaded ? el.dataset.loaded + "," : "") + name;
          })
          .catch(function () { /* aborted by a newer view, or offline: the lists still work */ })
          .then(function () { busy(-1); });
      });
    }
    if (wanted.length) {
      map.on("moveend", load);
      load();
    }
    keyboardPopups(map, texts);
    spaceOpensMarkers(el);
    el.leafletMap = map;
    el.mapPlaces = places;
  }

  function start() {
    if (typeof L === "undefined" || !window.AskerMapPlaces) { return; }
    Array.prototype.forEach.call(document.querySelectorAll(".map"), initMap);
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
