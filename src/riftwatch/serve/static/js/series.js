// Dyad series: cooperative and conflictual events per period (uPlot), alerts as shaded spans.
import { h, clear } from "./dom.js";

const DAY = 86400;

function toSec(iso) { return Date.parse(iso + "T00:00:00Z") / 1000; }

const WIDTH = { day: DAY, week: 7 * DAY, month: 31 * DAY };

// The periods an alert covers: from the start of the period holding its first day to the end of
// the period holding its last.
function periodSpan(xs, width, startSec, endSec) {
  const from = xs.filter((x) => x <= startSec).pop() ?? xs[0];
  const to = xs.find((x) => x > endSec) ?? xs[xs.length - 1] + width;
  return [from, to];
}

function alertBands(alerts, xs, width) {
  return {
    hooks: {
      drawClear: [(u) => {
        const { ctx, bbox } = u;
        ctx.save();
        for (const a of alerts) {
          const [from, to] = periodSpan(xs, width, toSec(a.start), toSec(a.end || a.last));
          const x0 = u.valToPos(from, "x", true);
          const x1 = u.valToPos(to, "x", true);
          const left = Math.max(bbox.left, Math.min(x0, x1)), right = Math.min(bbox.left + bbox.width, Math.max(x0, x1));
          if (right <= left) continue;
          ctx.fillStyle = "rgba(192,57,43,0.16)";
          ctx.fillRect(left, bbox.top, Math.max(right - left, 3), bbox.height);
          ctx.fillStyle = "rgba(192,57,43,0.9)";
          ctx.fillRect(left, bbox.top, 2, bbox.height);
        }
        ctx.restore();
      }],
    },
  };
}

export class SeriesChart {
  constructor(el, select, note) {
    this.el = el; this.select = select; this.note = note;
    this.data = null; this.alerts = []; this.plot = null;
    select.addEventListener("change", () => this.draw());
    new ResizeObserver(() => { if (this.plot) this.plot.setSize(this.size()); }).observe(el);
  }

  size() { return { width: Math.max(280, this.el.clientWidth - 4), height: 230 }; }

  show(data, alerts, prefer) {
    this.data = data; this.alerts = alerts || [];
    const keep = this.select.value;
    clear(this.select);
    for (const d of data.dyads) {
      const name = d.dyad.join("–");
      const flag = this.alerts.some((a) => a.dyad.join("–") === name) ? " ⚠" : "";
      this.select.append(h("option", { value: name }, `${name} (${d.events})${flag}`));
    }
    const names = data.dyads.map((d) => d.dyad.join("–"));
    const want = [prefer, keep].find((n) => n && names.includes(n));
    if (want) this.select.value = want;
    this.draw();
  }

  draw() {
    if (this.plot) { this.plot.destroy(); this.plot = null; }
    clear(this.el);
    const d = this.data && this.data.dyads.find((x) => x.dyad.join("–") === this.select.value);
    if (!d) {
      this.el.append(h("p", { class: "empty" }, "No dyad series for these filters (events that happened, between two coded actors)."));
      this.note.textContent = "";
      return;
    }
    const xs = d.periods.map((p) => toSec(p.period));
    const coop = d.periods.map((p) => p.quad_class["1"] + p.quad_class["2"]);
    const conf = d.periods.map((p) => p.quad_class["3"] + p.quad_class["4"]);
    const mine = this.alerts.filter((a) => a.dyad.join("–") === d.dyad.join("–"));
    const width = WIDTH[this.data.period] || 7 * DAY;
    const opts = {
      ...this.size(),
      plugins: [alertBands(mine, xs, width)],
      // one period of room after the last, so that its events and alerts have a width
      scales: { x: { time: true, range: () => [xs[0], xs[xs.length - 1] + width] } },
      axes: [{}, { label: `events a ${this.data.period}`, size: 50 }],
      series: [
        {},
        { label: "cooperation (Q1–2)", stroke: "#2e8b57", width: 2, points: { show: xs.length < 80 } },
        { label: "conflict (Q3–4)", stroke: "#c0392b", width: 2, points: { show: xs.length < 80 } },
      ],
      legend: { live: true },
    };
    this.plot = new uPlot(opts, [xs, coop, conf], this.el);
    const more = this.data.dyads_total > this.data.dyads.length ? ` (the ${this.data.dyads.length} busiest of ${this.data.dyads_total} dyads)` : "";
    this.note.textContent = `${d.events} events that happened${more}; ${mine.length} alert${mine.length === 1 ? "" : "s"} shaded red.`;
  }
}
