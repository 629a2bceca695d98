// Small DOM helpers: every text from the store goes in as text, never as HTML.

export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === null || v === undefined || v === false) continue;
    if (k === "class") el.className = v;
    else if (k.startsWith("on")) el.addEventListener(k.slice(2), v);
    else el.setAttribute(k, v === true ? "" : v);
  }
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return el;
}

export const $ = (sel) => document.querySelector(sel);

export function clear(el) {
  while (el.firstChild) el.removeChild(el.firstChild);
  return el;
}

// The sentence with its trigger marked (offsets in the article; sentence_start gives the shift).
export function sentenceWithTrigger(ev) {
  const s = ev.sentence || "";
  const t = ev.trigger || {};
  if (!s) return h("span", { class: "note" }, t.text || "(no sentence: imported record)");
  let off = t.start != null && ev.sentence_start != null ? t.start - ev.sentence_start : -1;
  if (off < 0 || s.slice(off, off + (t.text || "").length) !== t.text) off = t.text ? s.indexOf(t.text) : -1;
  if (off < 0) return h("span", {}, s);
  const end = off + t.text.length;
  return h("span", {}, s.slice(0, off), h("mark", { class: "k-trigger" }, s.slice(off, end)), s.slice(end));
}

export function actorCodes(list) {
  return (list || []).map((a) => [a.country, a.sector].filter(Boolean).join(" ") || a.text || "?").join("; ");
}

export const fmt = new Intl.NumberFormat("en");
