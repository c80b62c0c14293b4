// Parse a GEXF file with graphology-gexf and print what it holds as one JSON line:
// node and edge counts, the graph type, and the attributes of one node and one edge.
// Usage: node parse_gexf.js FILE.gexf
"use strict";
const fs = require("fs");
const Graph = require("graphology");
const gexf = require("graphology-gexf");

const path = process.argv[2];
if (!path) {
  console.error("usage: node parse_gexf.js FILE.gexf");
  process.exit(2);
}
const text = fs.readFileSync(path, "utf8");
const graph = gexf.parse(Graph, text, { allowUndeclaredAttributes: false });
const nodes = {};
graph.forEachNode((key, attributes) => {
  nodes[key] = attributes;
});
const edges = [];
graph.forEachEdge((key, attributes, source, target, sa, ta, undirected) => {
  edges.push({ source, target, undirected, attributes });
});
console.log(
  JSON.stringify({ order: graph.order, size: graph.size, type: graph.type, nodes, edges })
);
