// The network view of citygraph serve: graphology holds the network, sigma.js draws it
// with WebGL, ForceAtlas2 (in a web worker) lays it out. Bundled by build.sh into
// ../static/network.js; the page never loads anything from elsewhere.
import Graph from "graphology";
import Sigma from "sigma";
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

function text(tag, content, attrs = {}) {
  const el = document.createElement(tag);
  if (content !== undefined && content !== null) el.textContent = String(content);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  return el;
}

function showEdge(panel, graph, edge) {
  const a = graph.getEdgeAttributes(edge);
  const [s, t] = graph.extremities(edge);
  panel.replaceChildren();
  panel.appendChild(text("h3", `${graph.getNodeAttribute(s, "label")} — ${graph.getNodeAttribute(t, "label")}`));
  panel.appendChild(text("p", `layers: ${(a.layers || []).join(", ")} · weight ${a.weight} · ${a.first || "?"} to ${a.last || "?"}`));
  for (const [title, items] of [["facts", a.facts || []], ["sources", a.sources || []]]) {
    panel.appendChild(text("h4", title));
    const list = text("ul");
    for (const item of items) {
      const li = text("li");
      const url = pageUrl(item);
      li.appendChild(url ? text("a", item, { href: url }) : text("span", item));
      list.appendChild(li);
    }
    panel.appendChild(list);
  }
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
  data.graph.nodes.forEach((n, i) => {
    const angle = (2 * Math.PI * i) / Math.max(count, 1);
    const value = Number(n[sizeBy]) || 0;
    const { id, ...attrs } = n;
    graph.addNode(id, {
      ...attrs,
      label: n.label || id,
      x: n.lon !== undefined && n.lon !== null ? n.lon : 100 * Math.cos(angle) + Math.random(),
      y: n.lat !== undefined && n.lat !== null ? n.lat : 100 * Math.sin(angle) + Math.random(),
      size: 2 + 10 * Math.sqrt(max > 0 ? value / max : 0),
      color: colorOf(colorBy === "country" ? n.country_code || n.country : n.community, colors),
      measure: value,
    });
  });
  for (const e of data.graph.edges) {
    const { source, target, ...attrs } = e;
    if (!graph.hasEdge(source, target)) {
      graph.addEdge(source, target, { ...attrs, size: Math.min(1 + Math.log2(e.weight || 1), 6),
        color: "#c8ccd4" });
    }
  }
  window.citygraphGraph = graph;
  const renderer = new Sigma(graph, container, {
    enableEdgeEvents: true,
    // large networks (the 10k-place Wikidata one): draw fewer labels, hide edges and
    // labels while the camera moves, pick on a coarser buffer
    labelRenderedSizeThreshold: count > 2000 ? 12 : 6,
    hideEdgesOnMove: count > 2000,
    hideLabelsOnMove: count > 2000,
    pickingDownSizingRatio: count > 2000 ? 4 : 2,
  });
  window.citygraphRenderer = renderer;
  renderer.on("clickNode", ({ node }) => {
    const url = pageUrl(node, graph.getNodeAttribute(node, "iri"));
    if (url) window.location.href = url;
  });
  renderer.on("clickEdge", ({ edge }) => showEdge(panel, graph, edge));
  renderer.on("enterEdge", () => { container.style.cursor = "pointer"; });
  renderer.on("leaveEdge", () => { container.style.cursor = ""; });
  status.textContent = `${graph.order} places, ${graph.size} edges; sized by ${sizeBy}, coloured by ${colorBy}. Click a place to open its page, an edge to see its facts and sources.`;
  status.dataset.nodes = String(graph.order);
  status.dataset.edges = String(graph.size);
  if (graph.order > 1 && !options.noLayout) {
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
