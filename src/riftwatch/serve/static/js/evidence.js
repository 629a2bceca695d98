// The evidence view: an article's text with the chosen event's trigger, actors, place and date
// marked (character offsets stored by the coder), and the article's other events to switch to.
import { h, clear, sentenceWithTrigger } from "./dom.js";
import { api, ApiError } from "./api.js";

function segments(text, spans) {
  // Cut the text at every span boundary; each piece carries the spans covering it.
  const cuts = new Set([0, text.length]);
  for (const s of spans) { cuts.add(s.start); cuts.add(s.end); }
  const pts = [...cuts].sort((a, b) => a - b);
  const out = [];
  for (let i = 0; i < pts.length - 1; i++) {
    const [a, b] = [pts[i], pts[i + 1]];
    out.push({ text: text.slice(a, b), covering: spans.filter((s) => s.start <= a && s.end >= b) });
  }
  return out;
}

// "IRN GOV (Abbas Araghchi)": the code, and who the text names
function actorsNamed(list) {
  return (list || []).map((a) => {
    const code = [a.country, a.sector].filter(Boolean).join(" ") || "?";
    const who = a.person || a.org || a.name || a.text;
    return who && who !== code ? `${code} (${who})` : code;
  }).join("; ");
}

function eventDetails(ev) {
  const place = ev.place ? `${ev.place.name || ev.place.text} (${ev.place.country || "?"}), ${ev.place_how}` : "none";
  return h("dl", {},
    h("dt", {}, "event"), h("dd", {}, `${ev.event_type}${ev.mode ? " / " + ev.mode : ""}, QuadClass ${ev.quad_class}, Goldstein ${ev.goldstein}, ${ev.factuality}`),
    h("dt", {}, "source"), h("dd", {}, actorsNamed(ev.source) || "—"),
    h("dt", {}, "target"), h("dd", {}, actorsNamed(ev.target) || "—"),
    h("dt", {}, "place"), h("dd", {}, place),
    h("dt", {}, "date"), h("dd", {}, `${ev.date || "undated"} (${ev.date_precision})`),
    h("dt", {}, "confidence"), h("dd", {}, ev.confidence != null ? ev.confidence.toFixed(2) : "—"));
}

export class EvidenceView {
  constructor(dialog) {
    this.dialog = dialog;
    this.title = dialog.querySelector("#ev-title");
    this.meta = dialog.querySelector("#ev-meta");
    this.event = dialog.querySelector("#ev-event");
    this.text = dialog.querySelector("#ev-text");
  }

  async open(articleId, eventId) {
    this.title.textContent = "Loading…";
    clear(this.meta); clear(this.event); clear(this.text);
    if (!this.dialog.open) this.dialog.showModal();
    try {
      this.article = await api(`articles/${encodeURIComponent(articleId)}`);
    } catch (err) {
      if (!(err instanceof ApiError && err.status === 404)) { this.title.textContent = `Error: ${err.message}`; return; }
      // Imported events (GDELT, ICEWS, PLOVER) have no stored article: show the record itself.
      const page = await api("events", { article: articleId, limit: 200 });
      const ev = page.events.find((e) => e.event_id === eventId) || page.events[0];
      this.title.textContent = `No article text stored for ${articleId}`;
      this.meta.textContent = "An imported record: only its own fields are kept.";
      if (ev) this.event.append(eventDetails(ev), h("p", {}, sentenceWithTrigger(ev)));
      return;
    }
    const a = this.article;
    this.title.textContent = a.title || a.article_id;
    this.meta.append(`${a.article_id} · ${a.published || "undated"} · ${a.source || ""} `,
      a.url && /^https?:\/\//.test(a.url) ? h("a", { href: a.url, rel: "noreferrer noopener", target: "_blank" }, a.url) : "",
      ` · ${a.events.length} events`);
    this.select(eventId || (a.events[0] && a.events[0].event_id));
  }

  select(eventId) {
    const a = this.article;
    const ev = a.events.find((e) => e.event_id === eventId);
    clear(this.event); clear(this.text);
    if (ev) this.event.append(eventDetails(ev));
    const mine = a.spans.filter((s) => s.event_id === eventId);
    const others = a.spans.filter((s) => s.event_id !== eventId && s.kind === "trigger");
    let firstMark = null;
    for (const seg of segments(a.text || "", [...mine, ...others])) {
      if (!seg.covering.length) { this.text.append(seg.text); continue; }
      const own = seg.covering.filter((s) => s.event_id === eventId);
      if (own.length) {
        const kinds = [...new Set(own.map((s) => s.kind))];
        const m = h("mark", { class: kinds.map((k) => "k-" + k).join(" "), "data-kind": kinds.join(" "),
          title: own.map((s) => `${s.kind}${s.label ? ": " + s.label : ""}`).join("; ") }, seg.text);
        firstMark = firstMark || m;
        this.text.append(m);
      } else {
        const o = seg.covering[0];
        this.text.append(h("span", { class: "other", title: `another event: ${o.label} (click to show it)`,
          onclick: () => this.select(o.event_id) }, seg.text));
      }
    }
    if (firstMark) firstMark.scrollIntoView({ block: "center" });
  }
}
