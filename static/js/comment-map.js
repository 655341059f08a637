/* The comment form's map: a click chooses the point the comment is about (the place-name
   field does the same without a mouse), and published comments show as points. */
(function () {
  "use strict";
  function start() {
    var el = document.getElementById("consultation-map");
    var form = document.querySelector(".comment-form");
    if (!el || !el.leafletMap) { return; }
    var map = el.leafletMap;
    var points = document.getElementById("comment-points");
    if (points) {
      L.geoJSON(JSON.parse(points.textContent), {
        onEachFeature: function (f, layer) {
          var a = document.createElement("a");
          a.href = f.properties.url;
          a.textContent = f.properties.name;
          layer.bindPopup(a);
        }
      }).addTo(map);
    }
    if (!form) { return; }
    var lon = form.querySelector("input[name=lon]"), lat = form.querySelector("input[name=lat]");
    var note = document.getElementById("chosen-point");
    var marker = null;
    map.on("click", function (e) {
      lon.value = e.latlng.lng.toFixed(6);
      lat.value = e.latlng.lat.toFixed(6);
      if (marker) { marker.setLatLng(e.latlng); } else { marker = L.marker(e.latlng, { keyboard: false }).addTo(map); }
      note.textContent = (document.documentElement.lang === "en" ? "Chosen point: " : "Valgt punkt: ") +
        e.latlng.lat.toFixed(5) + ", " + e.latlng.lng.toFixed(5);
    });
  }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", start); } else { start(); }
})();
