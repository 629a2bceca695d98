// The dashboard: one filter for every panel, kept in the URL's #fragment; panels refresh when
// the filters change and when the store changes (polled through /api/version).
import { $, h, clear, fmt } from "./dom.js";
import { api, query, ApiError } from "./api.js";
import { EventMap } from "./map.js";
import { SeriesChart } from "./series.js";
import { drawNetwork } from "./network.js";
import { drawAlerts } from "./alerts.js";
import { drawEvents } from "./events.js";
import { EvidenceView } from "./evidence.js";

const form = $("#filters");
const FILTERS = ["actor", "dyad", "type", "quad", "factuality", "happened", "min_confidence", "since", "until",
  "place", "text", "article", "bbox"];
const state = { offset: 0, version: null, shownAt: null, busy: false, refreshing: false, fitMap: true };

function readForm() {
  const p = {};
  for (const name of [...FILTERS, "coalition", "period"]) {
    const el = form.elements[name];
    if (!el) continue;
    if (el.type === "checkbox") { if (el.checked) p[name] = el.value; }
    else if (el.value.trim() !== "") p[name] = el.value.trim();
  }
  if (!form.elements.inview.checked) delete p.bbox;
  return p;
}

function writeForm(p) {
  for (const name of [...FILTERS, "coalition", "period"]) {
    const el = form.elements[name];
    if (!el) continue;
    if (el.type === "checkbox") el.checked = p[name] === el.value;
    else el.value = p[name] || (name === "period" ? "week" : "");
  }
  form.elements.inview.checked = Boolean(p.bbox);
}

function filterOnly(p) {
  const f = {};
  for (const k of FILTERS) if (p[k]) f[k] = p[k];
  return f;
}

function setStatus(text) { $("#status").textContent = text; }

function banner(text) {
  const b = $("#banner");
  b.hidden = !text;
  b.textContent = text || "";
}

function showFilterError(err) {
  const box = $("#filter-error");
  box.hidden = !err;
  box.textContent = err ? err.message : "";
  for (const el of form.querySelectorAll(".bad")) el.classList.remove("bad");
  if (err && err.parameter && form.elements[err.parameter]) form.elements[err.parameter].classList.add("bad");
}

function panelError(el, err) {
  clear(el);
  el.append(h("p", { class: "error" }, err.message));
}

const map = new EventMap($("#map"), {
  onPlace: (p) => { form.elements.place.value = p.name || p.country; apply(); },
  onView: (bbox) => {
    form.elements.bbox.value = bbox;
    if (form.elements.inview.checked && !state.refreshing) apply({ fit: false });
  },
});
const series = new SeriesChart($("#series"), $("#dyad-select"), $("#series-note"));
const evidence = new EvidenceView($("#evidence"));
const open = (articleId, eventId) => evidence.open(articleId, eventId);
const pickDyad = (dyad) => { form.elements.dyad.value = dyad; apply(); };

function setDownloads(p) {
  for (const f of ["csv", "jsonl", "geojson"]) {
    $(`#dl-${f}`).href = `/api/events/download?${query({ ...filterOnly(p), format: f })}`;
  }
}

// Each panel is drawn as soon as its answer comes (on a big store the alerts take longest);
// a newer refresh makes the answers of an older one stale.
async function refresh({ fit = false } = {}) {
  const gen = (state.gen = (state.gen || 0) + 1);
  const current = () => gen === state.gen;
  const p = readForm();
  const f = filterOnly(p);
  state.refreshing = true;
  const version = await api("version").catch(() => null);
  setDownloads(p);
  const sort = $("#sort").value;
  const prefer = p.dyad ? p.dyad.toUpperCase().split("-").map((x) => x.trim()).sort().join("–") : null;
  let alerts = null, seriesData = null;
  const draw = {
    summary: (d) => fillChoices(d),
    places: (d) => {
      const n = map.show(d, { fit: fit && !form.elements.inview.checked });
      $("#map-note").textContent = `${fmt.format(d.events_placed)} placed events at ${fmt.format(n)} places` +
        (d.events_unplaced ? `; ${fmt.format(d.events_unplaced)} without a place` : "");
    },
    events: (d) => {
      drawEvents($("#events tbody"), $("#events-count"), d, { onEvidence: open });
      $("#prev").disabled = state.offset === 0;
      $("#next").disabled = d.next_offset == null;
    },
    series: (d) => { seriesData = d; series.show(d, alerts ? alerts.alerts : [], prefer); },
    alerts: (d) => {
      alerts = d;
      drawNetwork($("#network"), d, pickDyad);
      drawAlerts($("#alerts"), d, { onDyad: pickDyad, onEvidence: open });
      $("#network-note").textContent = d.inferred ? "(inferred from sustained cooperation)" : "";
      $("#alerts-note").textContent = `${d.alerts.length} shown of ${d.alerts_total} · as of ${d.as_of || "—"}`;
      if (seriesData) series.show(seriesData, d.alerts, prefer);  // mark the alerts on the series
    },
  };
  const panel = { places: null, events: $("#events tbody"), series: $("#series"), alerts: $("#alerts"), summary: null };
  const tasks = {
    summary: api("summary", f),
    places: api("places", f),
    events: api("events", { ...f, sort, offset: state.offset, limit: 100 }),
    series: api("series", { ...f, coalition: p.coalition, period: p.period }),
    alerts: api("alerts", { ...f, coalition: p.coalition, period: p.period }),
  };
  let busy = null, bad = null;
  await Promise.all(Object.entries(tasks).map(([k, t]) => t.then((d) => {
    if (!current()) return;
    if (state.busy) { state.busy = false; $("#live").classList.remove("busy"); banner(""); }  // the writer let go
    draw[k](d);
  }, (err) => {
    if (err instanceof ApiError && err.status === 503) busy = err;
    else if (err instanceof ApiError && err.status === 400) bad = bad || err;
    else if (current() && panel[k]) panelError(panel[k], err);
    else if (current() && k === "places") $("#map-note").textContent = err.message;
  })));
  if (!current()) return;
  state.refreshing = false;
  showFilterError(bad);
  if (busy) {
    // A writer holds the store: keep what is shown and say since when.
    state.busy = true;
    $("#live").classList.add("busy");
    banner(`The store is being written by another process; showing data as of ${state.shownAt || "—"}, retrying. (${busy.message})`);
    return;
  }
  state.busy = false;
  $("#live").classList.remove("busy");
  banner("");
  if (bad) return;
  state.version = version && version.version;
  state.shownAt = new Date().toLocaleTimeString();
  setStatus(`updated ${state.shownAt}`);
  document.body.dataset.loaded = String(Number(document.body.dataset.loaded || 0) + 1);
}

let choicesFilled = false;
function fillChoices(summary) {
  if (choicesFilled) return;
  choicesFilled = true;
  const sel = form.elements.type;
  const keep = sel.value;
  for (const t of summary.types) sel.append(h("option", { value: t }, t));
  sel.value = keep;
  const dl = $("#actor-codes");
  for (const a of summary.actors) dl.append(h("option", { value: a.code }, `${a.events} events`));
}

function apply({ fit = true } = {}) {
  state.offset = 0;
  const p = readForm();
  const frag = query(p);
  history.replaceState(null, "", frag ? `#${frag}` : location.pathname);
  return refresh({ fit });
}

form.addEventListener("submit", (e) => { e.preventDefault(); apply(); });
form.elements.inview.addEventListener("change", () => {
  form.elements.bbox.value = map.bbox();
  apply({ fit: false });
});
window.addEventListener("hashchange", () => {  // a link or the back button changed the filters
  writeForm(Object.fromEntries(new URLSearchParams(location.hash.slice(1))));
  state.offset = 0;
  refresh({ fit: true });
});
$("#reset").addEventListener("click", () => { writeForm({}); apply(); });
$("#prev").addEventListener("click", () => { state.offset = Math.max(0, state.offset - 100); refresh(); });
$("#next").addEventListener("click", () => { state.offset += 100; refresh(); });
$("#sort").addEventListener("change", () => { state.offset = 0; refresh(); });

async function poll(ms) {
  const live = $("#live");
  try {
    const v = await api("version");
    live.classList.remove("off");
    if (state.busy || v.version !== state.version) await refresh();
  } catch (e) {
    live.classList.add("off");
  }
  setTimeout(() => poll(ms), ms);
}

async function start() {
  const cfg = await api("config");
  $("#store").textContent = cfg.store;
  writeForm(Object.fromEntries(new URLSearchParams(location.hash.slice(1))));
  await refresh({ fit: true });
  const ms = Number(new URLSearchParams(location.search).get("poll")) || cfg.poll_ms;
  setTimeout(() => poll(ms), ms);
}

start();
