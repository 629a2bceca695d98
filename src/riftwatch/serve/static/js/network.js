// The coalition network: members on a circle, one line per watched dyad, coloured by its state.
const NS = "http://www.w3.org/2000/svg";
const MAX_NODES = 12;

function s(tag, attrs, text) {
  const el = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  if (text !== undefined) el.textContent = text;
  return el;
}

export function drawNetwork(svg, result, onDyad) {
  while (svg.firstChild) svg.removeChild(svg.firstChild);
  let dyads = result.dyads || [];
  let members = result.coalition && result.coalition.length
    ? result.coalition : [...new Set(dyads.flatMap((d) => d.dyad))].sort();
  let left = 0;
  if (members.length > MAX_NODES) {
    // too many to read: keep the members of dyads that turned (rift, cooling), busiest first
    const turned = dyads.filter((d) => d.state !== "stable").sort((a, b) => b.events - a.events);
    const keep = [];
    for (const d of turned) for (const m of d.dyad) if (!keep.includes(m) && keep.length < MAX_NODES) keep.push(m);
    left = members.length - keep.length;
    members = keep.sort();
    dyads = dyads.filter((d) => keep.includes(d.dyad[0]) && keep.includes(d.dyad[1]));
  }
  if (!members.length) {
    svg.append(s("text", { x: 180, y: 150, "text-anchor": "middle", class: "empty" }, "No coalition found: type one under Coalition."));
    return;
  }
  if (!members.length) {
    svg.append(s("text", { x: 180, y: 150, "text-anchor": "middle", class: "empty" }, "No dyad of the coalition has turned."));
    return;
  }
  const cx = 180, cy = 145, r = members.length > 1 ? 110 : 0;
  const pos = new Map(members.map((m, i) => {
    const a = -Math.PI / 2 + (2 * Math.PI * i) / members.length;
    return [m, [cx + r * Math.cos(a), cy + r * Math.sin(a)]];
  }));
  const maxEv = Math.max(1, ...dyads.map((d) => d.events));
  for (const d of dyads) {
    const [a, b] = d.dyad;
    if (!pos.has(a) || !pos.has(b)) continue;
    const [x1, y1] = pos.get(a), [x2, y2] = pos.get(b);
    const line = s("line", {
      x1, y1, x2, y2, class: `edge ${d.state}`,
      "stroke-width": (1.5 + 6 * Math.sqrt(d.events / maxEv)).toFixed(1),
    });
    line.append(s("title", {}, `${a}–${b}: ${d.state}, ${d.events} events, ${d.alerts} alert(s); P(turn) ${d.probability}`));
    line.addEventListener("click", () => onDyad(`${a}-${b}`));
    svg.append(line);
  }
  if (left) {
    svg.append(s("text", { x: 180, y: 296, "text-anchor": "middle", class: "empty" },
      `${left} more members not drawn (only those of dyads that turned)`));
  }
  for (const [m, [x, y]] of pos) {
    const g = s("g", { class: "node" });
    g.append(s("circle", { cx: x, cy: y, r: 20 }));
    g.append(s("text", { x, y: y + 4, "text-anchor": "middle" }, m));
    svg.append(g);
  }
}
