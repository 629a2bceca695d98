// The map: Natural Earth countries (shipped with the package) and one circle per place, sized by
// its number of events and coloured by the share of conflict (QuadClass 3-4) among them.
import { h, fmt } from "./dom.js";

const COOP = [46, 139, 87], CONFLICT = [192, 57, 43];

function colour(share) {
  const c = COOP.map((v, i) => Math.round(v + (CONFLICT[i] - v) * share));
  return `rgb(${c.join(",")})`;
}

// Rings that cross the antimeridian (Russia's far east, Fiji) jump from +180 to -180 and would be
// drawn as lines across the whole map: shift each point by 360 degrees to stay next to the last.
function unwrap(geometry) {
  const ring = (pts) => {
    let shift = 0;
    return pts.map(([lon, lat], i) => {
      if (i > 0) {
        const prev = pts[i - 1][0];
        if (lon - prev > 180) shift -= 360;
        else if (prev - lon > 180) shift += 360;
      }
      return [lon + shift, lat];
    });
  };
  if (geometry.type === "Polygon") geometry.coordinates = geometry.coordinates.map(ring);
  else if (geometry.type === "MultiPolygon") geometry.coordinates = geometry.coordinates.map((p) => p.map(ring));
  return geometry;
}

export class EventMap {
  constructor(el, { onPlace, onView }) {
    this.map = L.map(el, { worldCopyJump: true, minZoom: 1, maxZoom: 12, zoomSnap: 0.5, attributionControl: true });
    this.map.attributionControl.setPrefix("Leaflet");
    this.map.setView([25, 20], 1.5);
    this.layer = L.layerGroup().addTo(this.map);
    this.onPlace = onPlace;
    this.map.on("moveend", () => onView(this.bbox()));
    this.basemap = this.loadBasemap();
    const legend = L.control({ position: "bottomleft" });
    legend.onAdd = () => h("div", { class: "map-legend" },
      h("span", { class: "dot", style: `background:${colour(0)}` }), "cooperation ",
      h("span", { class: "dot", style: `background:${colour(0.5)}` }), "mixed ",
      h("span", { class: "dot", style: `background:${colour(1)}` }), "conflict · size: events");
    legend.addTo(this.map);
    this.fitted = false;
  }

  async loadBasemap() {
    const res = await fetch("/static/vendor/world-atlas/countries-50m.json");
    const topo = await res.json();
    const land = topojson.feature(topo, topo.objects.countries);
    for (const f of land.features) if (f.geometry) unwrap(f.geometry);
    L.geoJSON(land, {
      style: { color: "#a9a390", weight: 0.6, fillColor: "#f3f0e6", fillOpacity: 1, interactive: false },
    }).addTo(this.map).bringToBack();
    this.map.attributionControl.addAttribution("Natural Earth (world-atlas)");
  }

  bbox() {
    const b = this.map.getBounds();
    const w = Math.max(-180, b.getWest()), e = Math.min(180, b.getEast());
    const s = Math.max(-90, b.getSouth()), n = Math.min(90, b.getNorth());
    return [w, s, e, n].map((x) => x.toFixed(3)).join(",");
  }

  show(data, { fit }) {
    this.layer.clearLayers();
    const places = data.places || [];
    const max = Math.max(1, ...places.map((p) => p.events));
    const bounds = [];
    for (const p of places) {
      const q = p.quad_class;
      const share = p.events ? (q["3"] + q["4"]) / p.events : 0;
      const m = L.circleMarker([p.lat, p.lon], {
        radius: 4 + 16 * Math.sqrt(p.events / max), color: "#333", weight: 0.7,
        fillColor: colour(share), fillOpacity: 0.75,
      });
      m.bindTooltip(`${p.name || "(unnamed)"} ${p.country ? "(" + p.country + ")" : ""}: ${fmt.format(p.events)} events`);
      m.bindPopup(() => h("div", { class: "popup" },
        h("strong", {}, p.name || "(unnamed place)"), p.country ? ` ${p.country}` : "", h("br"),
        `${fmt.format(p.events)} events: ${q["1"]} verbal and ${q["2"]} material cooperation, `,
        `${q["3"]} verbal and ${q["4"]} material conflict`, h("br"),
        p.first_date ? `${p.first_date} to ${p.last_date}` : "", h("br"),
        h("a", { href: "#", onclick: (e) => { e.preventDefault(); this.onPlace(p); } }, "show only this place")));
      m.addTo(this.layer);
      bounds.push([p.lat, p.lon]);
    }
    if (fit && bounds.length) {
      this.map.fitBounds(bounds, { padding: [30, 30], maxZoom: 6 });
    }
    return places.length;
  }
}
