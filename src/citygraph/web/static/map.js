// The map of the network: pan (drag) and zoom (wheel, buttons) over the shipped Natural Earth
// basemap, places clustered on a grid that follows the zoom (a numbered circle is a cluster;
// clicking it zooms in), labels once zoomed in, ties drawn on demand. No tile server.
(function () {
  "use strict";
  const NS = "http://www.w3.org/2000/svg";
  const svg = document.getElementById("network-map");
  if (!svg) return;
  const data = JSON.parse(document.getElementById("map-data").textContent);
  const places = data.places;
  const markers = document.getElementById("markers");
  const labels = document.getElementById("labels");
  const ties = document.getElementById("ties");
  const zoomInfo = document.getElementById("map-zoom");
  const WORLD = { x: 0, y: 0, w: 360, h: 180 };
  let view = { ...WORLD };

  function el(tag, attrs, text) {
    const node = document.createElementNS(NS, tag);
    for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function clusters() {
    // one cell of the grid is 1/40 of the visible width: at the whole world 9 degrees
    const cell = view.w / 40;
    const cells = new Map();
    places.forEach((p, i) => {
      if (p.x < view.x - cell || p.x > view.x + view.w + cell ||
          p.y < view.y - cell || p.y > view.y + view.h + cell) return;
      const key = `${Math.floor(p.x / cell)},${Math.floor(p.y / cell)}`;
      if (!cells.has(key)) cells.set(key, []);
      cells.get(key).push(i);
    });
    return [...cells.values()];
  }

  function draw() {
    svg.setAttribute("viewBox", `${view.x} ${view.y} ${view.w} ${view.h}`);
    const zoom = WORLD.w / view.w;
    zoomInfo.dataset.zoom = zoom.toFixed(2);
    const unit = view.w / 360;
    markers.replaceChildren();
    labels.replaceChildren();
    let clustered = 0;
    for (const group of clusters()) {
      if (group.length === 1) {
        const p = places[group[0]];
        const link = el("a", { href: p.page || "#", class: "place" });
        const dot = el("circle", { cx: p.x, cy: p.y, r: 1.1 * unit, "data-place": p.id });
        dot.appendChild(el("title", {}, p.label));
        link.appendChild(dot);
        markers.appendChild(link);
        if (zoom >= 4) {
          labels.appendChild(el("text", { x: p.x + 1.6 * unit, y: p.y + 0.8 * unit,
            "font-size": 3.2 * unit, class: "map-label" }, p.label));
        }
      } else {
        clustered += 1;
        const x = group.reduce((s, i) => s + places[i].x, 0) / group.length;
        const y = group.reduce((s, i) => s + places[i].y, 0) / group.length;
        const r = (1.6 + Math.log2(group.length)) * unit;
        const g = el("g", { class: "cluster", "data-count": group.length });
        const names = group.slice(0, 8).map((i) => places[i].label).join(", ");
        g.appendChild(el("circle", { cx: x, cy: y, r }));
        g.appendChild(el("text", { x, y: y + r * 0.35, "font-size": r, "text-anchor": "middle" },
          String(group.length)));
        g.appendChild(el("title", {}, `${group.length} places: ${names}${group.length > 8 ? ", …" : ""}`));
        g.addEventListener("click", () => zoomAt(x, y, 3));
        markers.appendChild(g);
      }
    }
    markers.dataset.clusters = String(clustered);
    if (document.getElementById("show-ties").checked) drawTies(unit);
    else ties.replaceChildren();
  }

  function drawTies(unit) {
    ties.replaceChildren();
    ties.setAttribute("stroke-width", 0.15 * unit);
    const inView = (p) => p.x >= view.x && p.x <= view.x + view.w && p.y >= view.y && p.y <= view.y + view.h;
    let drawn = 0;
    for (const [a, b] of data.edges) {
      const p = places[a], q = places[b];
      if (!inView(p) && !inView(q)) continue;
      ties.appendChild(el("line", { x1: p.x, y1: p.y, x2: q.x, y2: q.y }));
      if (++drawn >= 20000) break;
    }
  }

  function clamp() {
    view.w = Math.min(Math.max(view.w, 2), WORLD.w);
    view.h = view.w / 2;
    view.x = Math.min(Math.max(view.x, WORLD.x - view.w / 2), WORLD.w - view.w / 2);
    view.y = Math.min(Math.max(view.y, WORLD.y - view.h / 2), WORLD.h - view.h / 2);
  }

  function zoomAt(x, y, factor) {
    const w = view.w / factor;
    view = { x: x - (x - view.x) / factor, y: y - (y - view.y) / factor, w, h: w / 2 };
    clamp();
    draw();
  }

  function toMap(event) {
    const box = svg.getBoundingClientRect();
    return { x: view.x + (event.clientX - box.left) / box.width * view.w,
      y: view.y + (event.clientY - box.top) / box.height * view.h };
  }

  svg.addEventListener("wheel", (event) => {
    event.preventDefault();
    const at = toMap(event);
    zoomAt(at.x, at.y, event.deltaY < 0 ? 1.5 : 1 / 1.5);
  }, { passive: false });
  let drag = null;
  svg.addEventListener("pointerdown", (event) => {
    if (event.target.closest("a, .cluster")) return;
    drag = { x: event.clientX, y: event.clientY, view: { ...view } };
    svg.setPointerCapture(event.pointerId);
  });
  svg.addEventListener("pointermove", (event) => {
    if (!drag) return;
    const box = svg.getBoundingClientRect();
    view.x = drag.view.x - (event.clientX - drag.x) / box.width * view.w;
    view.y = drag.view.y - (event.clientY - drag.y) / box.height * view.h;
    clamp();
    draw();
  });
  svg.addEventListener("pointerup", () => { drag = null; });
  const centre = () => ({ x: view.x + view.w / 2, y: view.y + view.h / 2 });
  document.getElementById("zoom-in").addEventListener("click", () => { const c = centre(); zoomAt(c.x, c.y, 2); });
  document.getElementById("zoom-out").addEventListener("click", () => { const c = centre(); zoomAt(c.x, c.y, 0.5); });
  document.getElementById("zoom-reset").addEventListener("click", () => { view = { ...WORLD }; draw(); });
  document.getElementById("show-ties").addEventListener("change", draw);
  draw();
  window.citygraphMap = { zoomAt, view: () => ({ ...view }) };
})();
