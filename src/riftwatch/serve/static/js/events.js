// The events table: one page of the filtered events, each with a link to its article.
import { h, clear, sentenceWithTrigger, actorCodes, fmt } from "./dom.js";

export function drawEvents(tbody, count, page, { onEvidence }) {
  clear(tbody);
  const first = page.total ? page.offset + 1 : 0;
  const last = page.offset + page.events.length;
  count.textContent = `${fmt.format(first)}–${fmt.format(last)} of ${fmt.format(page.total)}`;
  if (!page.events.length) {
    tbody.append(h("tr", {}, h("td", { colspan: 9, class: "empty" }, "No events match these filters.")));
    return;
  }
  for (const e of page.events) {
    const low = e.confidence != null && e.confidence < 0.5;
    const place = e.place ? `${e.place.name || e.place.text}${e.place.country ? " (" + e.place.country + ")" : ""}` : "";
    tbody.append(h("tr", { class: [low ? "low" : "", e.factuality !== "asserted" ? "unreal" : ""].join(" ") },
      h("td", { class: "date" }, e.date || "—"),
      h("td", {}, e.event_type, e.factuality !== "asserted" ? h("span", { class: "fact" }, ` ${e.factuality}`) : ""),
      h("td", {}, String(e.quad_class ?? "")),
      h("td", {}, actorCodes(e.source)),
      h("td", {}, actorCodes(e.target)),
      h("td", {}, place),
      h("td", {}, e.confidence != null ? e.confidence.toFixed(2) : ""),
      h("td", { class: "sentence" }, sentenceWithTrigger(e)),
      h("td", {}, h("a", { href: "#", class: "open", "data-article": e.article_id, "data-event": e.event_id,
        onclick: (ev) => { ev.preventDefault(); onEvidence(e.article_id, e.event_id); } }, "evidence"))));
  }
}
