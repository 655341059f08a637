/* The drawing map of the workspace's project form (django-leaflet's widget): the municipal
   boundary as context, under what is drawn, and never part of it (it is not in the widget's
   layer of drawn shapes, and takes no clicks). The form works without it, and without this. */
(function () {
  "use strict";

  window.addEventListener("map:init", function (e) {
    var map = e.detail.map;
    var holder = map.getContainer().closest("[data-boundary-url]");
    if (!holder) { return; }
    var view = map.getBounds().pad(1);
    var bbox = [view.getWest(), view.getSouth(), view.getEast(), view.getNorth()].map(function (v) {
      return Math.max(-180, Math.min(180, v)).toFixed(5);
    }).join(",");
    var params = new URLSearchParams({ bbox: bbox, zoom: "12" });
    holder.dataset.boundary = "loading";
    fetch(holder.dataset.boundaryUrl + "?" + params.toString(), { credentials: "same-origin" })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (data) {
        if (!data) { holder.dataset.boundary = "failed"; return; }
        var boundary = L.geoJSON(data, {
          style: { className: "map-boundary", color: "#1d3557", weight: 2, dashArray: "6 4", fill: false },
          interactive: false
        }).addTo(map);
        boundary.bringToBack();
        holder.dataset.boundary = "loaded";
      })
      .catch(function () { holder.dataset.boundary = "failed"; });
  });
})();
