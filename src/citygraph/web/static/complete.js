// Names for entity fields: every <input data-complete> offers, as the user types, the
// entities whose names contain the text (from the server's search index, /complete?q=).
// Choosing one puts its name in the field (or its prefixed name when the name is shared).
(function () {
  "use strict";

  function attach(input) {
    const list = document.createElement("ul");
    list.className = "complete";
    list.hidden = true;
    list.setAttribute("role", "listbox");
    input.setAttribute("autocomplete", "off");
    input.insertAdjacentElement("afterend", list);
    let timer = null;
    let active = -1;
    let asked = "";

    function choose(li) {
      input.value = li.dataset.value;
      list.hidden = true;
      input.dispatchEvent(new Event("change", { bubbles: true }));
    }

    function mark(index) {
      const items = list.querySelectorAll("li");
      items.forEach((li, i) => li.classList.toggle("active", i === index));
      active = index;
    }

    async function ask() {
      const text = input.value.trim();
      if (text.length < 2) { list.hidden = true; return; }
      asked = text;
      const response = await fetch("/complete?q=" + encodeURIComponent(text),
        { headers: { Accept: "application/json" } });
      if (!response.ok || asked !== text) return;
      const rows = await response.json();
      list.replaceChildren();
      for (const row of rows) {
        const li = document.createElement("li");
        li.setAttribute("role", "option");
        li.dataset.value = row.value;
        li.dataset.iri = row.iri;
        const name = document.createElement("span");
        name.textContent = row.name;
        const kind = document.createElement("span");
        kind.className = "muted";
        kind.textContent = " " + row.kind + (row.value !== row.name ? " · " + row.value : "");
        li.append(name, kind);
        li.addEventListener("mousedown", (event) => { event.preventDefault(); choose(li); });
        list.appendChild(li);
      }
      active = -1;
      list.hidden = rows.length === 0;
    }

    input.addEventListener("input", () => {
      clearTimeout(timer);
      timer = setTimeout(ask, 150);
    });
    input.addEventListener("keydown", (event) => {
      const items = list.querySelectorAll("li");
      if (list.hidden || items.length === 0) return;
      if (event.key === "ArrowDown") { mark(Math.min(active + 1, items.length - 1)); event.preventDefault(); }
      else if (event.key === "ArrowUp") { mark(Math.max(active - 1, 0)); event.preventDefault(); }
      else if (event.key === "Enter" && active >= 0) { choose(items[active]); event.preventDefault(); }
      else if (event.key === "Escape") { list.hidden = true; }
    });
    input.addEventListener("blur", () => { setTimeout(() => { list.hidden = true; }, 100); });
  }

  function start() {
    document.querySelectorAll("input[data-complete]").forEach(attach);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
