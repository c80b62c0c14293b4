// The network view of citygraph serve: graphology holds the network, sigma.js draws it
// with WebGL, ForceAtlas2 (in a web worker) lays it out. Bundled by build.sh into
// ../static/network.js; the page never loads anything from elsewhere.
import Graph from "graphology";
import Sigma, { DEFAULT_STYLES } from "sigma";
import FA2Layout from "graphology-layout-forceatlas2/worker";
import forceAtlas2 from "graphology-layout-forceatlas2";

const PALETTE = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2",
  "#7f7f7f", "#bcbd22", "#17becf", "#393b79", "#637939", "#8c6d31", "#843c39", "#7b4173",
  "#3182bd", "#e6550d", "#31a354", "#756bb1", "#636363"];

function pageUrl(id, iri) {
  const base = "https://w3id.org/citygraph/id/";
  if (iri && iri.startsWith(base)) return "/id/" + iri.slice(base.length);
  const prefixes = { place: "place", cgorg: "org", person: "person", event: "event",
    agreement: "agreement", project: "project", fact: "fact", doc: "doc" };
  const [prefix, local] = String(id).split(/:(.*)/s);
  if (prefixes[prefix] && local !== undefined) return "/id/" + prefixes[prefix] + "/" + local;
  return null;
}

function colorOf(value, table) {
  const key = value === undefined || value === null ? "" : String(value);
  if (!table.has(key)) table.set(key, PALETTE[table.size % PALETTE.length]);
  return table.get(key);
}

// where a name may go beside its place: right, left, above, below, then the diagonals
const DIRECTIONS = [[1, 0], [-1, 0], [0, -1], [0, 1], [1, -1], [-1, -1], [1, 1], [-1, 1]];

function overlaps(a, b) {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

// The names of the largest places, on a canvas of their own over the drawing: larger places
// first, each name where it covers no name already drawn and none of these places, moved
// off its place (with a line to it) when the places crowd, as the hubs do in the middle of
// a large network. Returns what it drew: node, label and box, in screen pixels.
function drawNames(renderer, graph, canvas, nodes) {
  const { width, height } = renderer.getDimensions();
  const ratio = window.devicePixelRatio || 1;
  if (canvas.width !== Math.round(width * ratio) || canvas.height !== Math.round(height * ratio)) {
    canvas.width = Math.round(width * ratio);
    canvas.height = Math.round(height * ratio);
    canvas.style.width = `${width}px`;
    canvas.style.height = `${height}px`;
  }
  const ctx = canvas.getContext("2d");
  ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
  ctx.clearRect(0, 0, width, height);
  ctx.font = "600 12px sans-serif";
  ctx.textBaseline = "middle";
  const dots = [];
  for (const node of nodes) {
    const data = renderer.getNodeDisplayData(node);
    if (!data || data.hidden) continue;
    const at = renderer.graphToViewport(graph.getNodeAttributes(node));
    if (at.x < 0 || at.y < 0 || at.x > width || at.y > height) continue;
    dots.push({ node, x: at.x, y: at.y, r: Math.max(renderer.scaleSize(data.size), 2) });
  }
  const taken = dots.map((d) => ({ x: d.x - d.r, y: d.y - d.r, w: 2 * d.r, h: 2 * d.r }));
  const drawn = [];
  for (const dot of dots) {
    const label = String(graph.getNodeAttribute(dot.node, "label"));
    const w = ctx.measureText(label).width + 6;
    const h = 16;
    let box = null;
    let ring = 0;
    for (; ring < 20 && box === null; ring += 1) {
      const d = dot.r + 2 + ring * 10;
      for (const [dx, dy] of DIRECTIONS) {
        const c = { x: dot.x + dx * d - (dx < 0 ? w : dx === 0 ? w / 2 : 0),
          y: dot.y + dy * d - (dy < 0 ? h : dy === 0 ? h / 2 : 0), w, h };
        if (c.x >= 0 && c.y >= 0 && c.x + w <= width && c.y + h <= height
            && !taken.some((t) => overlaps(t, c))) {
          box = c;
          break;
        }
      }
    }
    if (box === null) continue;
    taken.push(box);
    if (ring > 1) {
      ctx.strokeStyle = "#555";
      ctx.lineWidth = 1;
      ctx.beginPath();
      ctx.moveTo(dot.x, dot.y);
      ctx.lineTo(Math.min(Math.max(dot.x, box.x), box.x + w), Math.min(Math.max(dot.y, box.y), box.y + h));
      ctx.stroke();
    }
    ctx.fillStyle = "rgba(255, 255, 255, 0.88)";
    ctx.fillRect(box.x, box.y, w, h);
    ctx.fillStyle = "#111";
    ctx.fillText(label, box.x + 3, box.y + h / 2);
    drawn.push({ node: dot.node, label, x: box.x, y: box.y, w, h });
  }
  return drawn;
}

function text(tag, content, attrs = {}) {
  const el = document.createElement(tag);
  if (content !== undefined && content !== null) el.textContent = String(content);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  return el;
}

function listOf(items) {
  const list = text("ul");
  for (const item of items) {
    const li = text("li");
    const url = pageUrl(item);
    li.appendChild(url ? text("a", item, { href: url }) : text("span", item));
    list.appendChild(li);
  }
  return list;
}

async function showEdge(panel, graph, edge) {
  const a = graph.getEdgeAttributes(edge);
  const [s, t] = graph.extremities(edge);
  const sa = graph.getNodeAttributes(s);
  const ta = graph.getNodeAttributes(t);
  panel.replaceChildren();
  panel.dataset.edge = `${s}|${t}`;
  panel.appendChild(text("h3", `${sa.label} — ${ta.label}`));
  const when = a.first ? (a.last && a.last !== a.first ? `${a.first} to ${a.last}` : a.first) : "no date";
  panel.appendChild(text("p", `${(a.layers || []).join(", ")} · weight ${a.weight} · ${when}`));
  const facts = text("div", null, { class: "edge-facts" });
  facts.appendChild(text("p", "loading the facts…", { class: "muted" }));
  panel.appendChild(facts);
  panel.appendChild(text("h4", "also linked by (events, memberships, agreements)"));
  panel.appendChild(listOf(a.groups || a.facts || []));
  panel.appendChild(text("h4", "sources"));
  panel.appendChild(listOf(a.sources || []));
  if (!sa.iri || !ta.iri) { facts.replaceChildren(); return; }
  const url = `/network/edge?a=${encodeURIComponent(sa.iri)}&b=${encodeURIComponent(ta.iri)}`;
  const response = await fetch(url, { headers: { Accept: "application/json" } });
  facts.replaceChildren();
  if (!response.ok) { facts.appendChild(text("p", await response.text(), { class: "error" })); return; }
  const rows = await response.json();
  if (rows.length === 0) {
    facts.appendChild(text("p", "No agreement, tie or project names both places: they meet at the events, memberships or agreements below.", { class: "muted" }));
    return;
  }
  const table = text("table", null, { class: "edge-facts-table" });
  const head = text("tr");
  for (const h of ["fact", "kind", "date", "evidence"]) head.appendChild(text("th", h));
  table.appendChild(head);
  for (const row of rows) {
    const tr = text("tr");
    const cell = text("td");
    cell.appendChild(row.page ? text("a", row.label || row.fact, { href: row.page }) : text("span", row.label || row.fact));
    tr.appendChild(cell);
    tr.appendChild(text("td", row.kind));
    tr.appendChild(text("td", row.date || ""));
    const quotes = text("td");
    for (const q of row.evidence) quotes.appendChild(text("blockquote", q, { class: "evidence" }));
    tr.appendChild(quotes);
    table.appendChild(tr);
  }
  facts.appendChild(table);
}

export async function start(options) {
  const container = document.getElementById(options.container);
  const status = document.getElementById(options.status);
  const panel = document.getElementById(options.panel);
  status.textContent = "loading the network…";
  const response = await fetch(options.data, { headers: { Accept: "application/json" } });
  if (!response.ok) {
    status.textContent = `the network could not be loaded: ${await response.text()}`;
    return;
  }
  const data = await response.json();
  const graph = new Graph({ type: "undirected", multi: false });
  const colors = new Map();
  const sizeBy = options.sizeBy || "degree";
  const colorBy = options.colorBy || "community";
  let max = 0;
  for (const n of data.graph.nodes) max = Math.max(max, Number(n[sizeBy]) || 0);
  const count = data.graph.nodes.length;
  // the layout comes with the data (computed once per store state on the server); places
  // without one (an older server) start on a circle and are laid out here
  const laidOut = data.graph.nodes.every((n) => n.x !== undefined && n.x !== null);
  const labelled = new Set([...data.graph.nodes]
    .sort((p, q) => (Number(q[sizeBy]) || 0) - (Number(p[sizeBy]) || 0))
    .slice(0, options.labelled || 30).map((n) => n.id));
  data.graph.nodes.forEach((n, i) => {
    const angle = (2 * Math.PI * i) / Math.max(count, 1);
    const value = Number(n[sizeBy]) || 0;
    const { id, ...attrs } = n;
    graph.addNode(id, {
      ...attrs,
      label: n.label || id,
      x: laidOut ? n.x : 100 * Math.cos(angle) + Math.random(),
      y: laidOut ? -n.y : 100 * Math.sin(angle) + Math.random(),
      size: 2 + 10 * Math.sqrt(max > 0 ? value / max : 0),
      color: colorOf(colorBy === "country" ? n.country_code || n.country : n.community, colors),
      forceLabel: labelled.has(id) || id === options.centre,
      measure: value,
    });
  });
  if (options.centre && graph.hasNode(options.centre)) {
    graph.mergeNodeAttributes(options.centre, { color: "#111", size: 14, highlighted: true });
  }
  for (const e of data.graph.edges) {
    const { source, target, ...attrs } = e;
    if (!graph.hasEdge(source, target)) {
      graph.addEdge(source, target, { ...attrs, size: Math.min(1 + Math.log2(e.weight || 1), 6),
        color: "#c8ccd4" });
    }
  }
  window.citygraphGraph = graph;
  const renderer = new Sigma(graph, container, {
    settings: {
      enableEdgeEvents: true,
      // large networks (the 10k-place Wikidata one): draw fewer labels, hide edges and
      // labels while the camera moves, pick on a coarser buffer
      labelRenderedSizeThreshold: count > 2000 ? 12 : 6,
      labelDensity: 0.5,
      labelGridCellSize: 80,
      hideEdgesOnMove: count > 2000,
      hideLabelsOnMove: count > 2000,
      pickingDownSizingRatio: count > 2000 ? 4 : 2,
    },
    // the largest places (and the ego network's centre) are named by drawNames, at every
    // zoom; sigma names the others as room allows
    styles: {
      nodes: [DEFAULT_STYLES.nodes, { whenData: "forceLabel", then: { labelVisibility: "hidden" } }],
      edges: DEFAULT_STYLES.edges,
    },
  });
  window.citygraphRenderer = renderer;
  const names = document.createElement("canvas");
  names.className = "network-names";
  names.style.cssText = "position:absolute;left:0;top:0;pointer-events:none";
  if (getComputedStyle(container).position === "static") container.style.position = "relative";
  container.appendChild(names);
  const named = graph.filterNodes((node, attrs) => attrs.forceLabel)
    .sort((p, q) => (graph.getNodeAttribute(q, "measure") - graph.getNodeAttribute(p, "measure"))
      || (p < q ? -1 : 1));
  if (options.centre && graph.hasNode(options.centre)) {
    named.splice(named.indexOf(options.centre), 1);
    named.unshift(options.centre);
  }
  window.citygraphNames = [];
  renderer.on("afterRender", () => {
    window.citygraphNames = drawNames(renderer, graph, names, named);
  });
  renderer.refresh();
  renderer.on("clickNode", ({ node }) => {
    const url = pageUrl(node, graph.getNodeAttribute(node, "iri"));
    if (url) window.location.href = url;
  });
  renderer.on("clickEdge", ({ edge }) => showEdge(panel, graph, edge));
  renderer.on("enterEdge", () => { container.style.cursor = "pointer"; });
  renderer.on("leaveEdge", () => { container.style.cursor = ""; });
  status.textContent = `${graph.order} places, ${graph.size} ties; sized by ${sizeBy}, coloured by ${colorBy}; the ${labelled.size} largest named at every zoom. Click a place to open its page, a tie to see the facts and sources behind it.`;
  status.dataset.nodes = String(graph.order);
  status.dataset.edges = String(graph.size);
  status.dataset.layout = laidOut ? "done" : "running";
  if (graph.order > 1 && !laidOut && !options.noLayout) {
    const settings = forceAtlas2.inferSettings(graph);
    settings.barnesHutOptimize = graph.order > 500;
    const layout = new FA2Layout(graph, { settings });
    layout.start();
    const seconds = graph.order > 2000 ? 15 : 4;
    setTimeout(() => { layout.stop(); status.dataset.layout = "done"; }, seconds * 1000);
    window.citygraphLayout = layout;
  }
}

window.citygraphNetwork = { start };
