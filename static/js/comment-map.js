/* The comment form's map: a click chooses the point the comment is about (the place-name
   field does the same without a mouse), said in words by the server ("250 m fra Heggedal
   torg"), and the "Remove the point" checkbox takes it away again (without this script it is
   sent with the form). Published comments show as markers; a comment's "Show on the map"
   opens its marker, whose popup links back to the comment. */
(function () {
  "use strict";

  function popupContent(f) {
    var box = document.createElement("div");
    if (f.properties.name) {
      var p = document.createElement("p");
      p.textContent = f.properties.name;
      box.appendChild(p);
    }
    var a = document.createElement("a");
    a.href = f.properties.url;
    a.textContent = f.properties.link || f.properties.name;
    box.appendChild(a);
    return box;
  }

  function showComments(map, el) {
    var points = document.getElementById("comment-points");
    if (!points) { return; }
    var markers = {};
    L.geoJSON(JSON.parse(points.textContent), {
      onEachFeature: function (f, layer) {
        layer.bindPopup(popupContent(f));
        markers[f.id] = layer;
      }
    }).addTo(map);
    Array.prototype.forEach.call(document.querySelectorAll("a.show-on-map"), function (link) {
      var marker = markers[link.getAttribute("data-comment")];
      if (!marker) { return; }
      link.hidden = false;
      link.addEventListener("click", function (ev) {
        ev.preventDefault();
        el.scrollIntoView({ block: "center" });
        map.setView(marker.getLatLng(), Math.max(map.getZoom(), 15), { animate: false });
        marker.openPopup();
        // Focus goes to the popup's link back to the comment, so the keyboard can return.
        var back = marker.getPopup().getElement().querySelector("a[href^='#']");
        if (back) { back.focus(); }
      });
    });
  }

  function choosePoints(map, form) {
    var lon = form.querySelector("input[name=lon]"), lat = form.querySelector("input[name=lat]");
    var box = form.querySelector(".chosen-point");
    var note = document.getElementById("chosen-point");
    var removeWrap = form.querySelector(".remove-point");
    var remove = form.querySelector("input[name=remove_point]");
    var marker = null;

    function place(latlng) {
      if (marker) { marker.setLatLng(latlng); } else { marker = L.marker(latlng, { keyboard: false }).addTo(map); }
    }

    function describe() {
      var url = box.getAttribute("data-place-url") + "?lon=" + lon.value + "&lat=" + lat.value;
      var asked = lon.value + "," + lat.value;
      fetch(url, { headers: { Accept: "application/json" }, credentials: "same-origin" })
        .then(function (r) { return r.ok ? r.json() : null; })
        .then(function (data) {
          // Only the answer about the point still chosen is shown.
          if (data && data.place && asked === lon.value + "," + lat.value) {
            note.textContent = box.getAttribute("data-chosen") + " " + data.place;
          }
        })
        .catch(function () { /* the coordinates shown already say where */ });
    }

    map.on("click", function (e) {
      lon.value = e.latlng.lng.toFixed(6);
      lat.value = e.latlng.lat.toFixed(6);
      place(e.latlng);
      remove.checked = false;
      removeWrap.hidden = false;
      note.textContent = box.getAttribute("data-chosen") + " " + e.latlng.lat.toFixed(5) + ", " + e.latlng.lng.toFixed(5);
      describe();
    });

    remove.addEventListener("change", function () {
      if (!remove.checked) { return; }
      lon.value = "";
      lat.value = "";
      if (marker) { map.removeLayer(marker); marker = null; }
      note.textContent = box.getAttribute("data-removed");
    });

    // A form sent back with an error still has its point: show it on the map again.
    if (lon.value && lat.value && !remove.checked) {
      place(L.latLng(parseFloat(lat.value), parseFloat(lon.value)));
    }
  }

  function start() {
    var el = document.getElementById("consultation-map");
    if (!el || !el.leafletMap) { return; }
    showComments(el.leafletMap, el);
    var form = document.querySelector(".comment-form");
    if (form) { choosePoints(el.leafletMap, form); }
  }

  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", start); } else { start(); }
})();
