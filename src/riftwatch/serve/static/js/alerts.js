// The alerts list: each rift with its explanation and the evidence behind it.
import { h, clear, sentenceWithTrigger } from "./dom.js";

export function drawAlerts(list, result, { onDyad, onEvidence }) {
  clear(list);
  const alerts = result.alerts || [];
  if (!alerts.length) {
    list.append(h("li", { class: "empty" }, "No rift alerts for these actors and dates."));
    return;
  }
  for (const a of [...alerts].reverse()) {
    const name = a.dyad.join("–");
    const evidence = h("ul", { class: "evidence" }, a.evidence.map((e) => h("li", {},
      h("span", { class: "date" }, e.date), " ", h("b", {}, e.event_type), " ",
      sentenceWithTrigger({ sentence: e.sentence, trigger: { text: e.trigger }, sentence_start: null }), " ",
      h("a", { href: "#", class: "open", onclick: (ev) => { ev.preventDefault(); onEvidence(e.article_id, e.event_id); } },
        "open article"))));
    const more = a.evidence_total > a.evidence.length ? ` (first ${a.evidence.length} of ${a.evidence_total})` : "";
    list.append(h("li", { class: `alert ${a.state}` },
      h("div", { class: "alert-head" },
        h("a", { href: "#", class: "dyad", onclick: (ev) => { ev.preventDefault(); onDyad(a.dyad.join("-")); } }, name),
        " ", h("span", { class: `badge ${a.state}` }, a.ongoing ? "open" : a.state),
        ` ${a.start} → ${a.end || "now"} · confidence ${a.confidence.toFixed(2)} · ${(a.tests || []).join(" + ")}`),
      h("p", { class: "explain" }, a.explanation),
      h("details", {}, h("summary", {}, `evidence: ${a.evidence_total} event${a.evidence_total === 1 ? "" : "s"}${more}`), evidence)));
  }
}
