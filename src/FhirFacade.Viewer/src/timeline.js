// The timeline picture: one bar per problem and per medication, from its start to its end (or to
// today when it is still open), on a shared axis of years. Built as SVG with DOM calls (no markup
// strings), so record text can never become markup.

import { dateEnd, dateStart, formatDate } from "./model.js";

const SvgNs = "http://www.w3.org/2000/svg";
const RowHeight = 18;
const LabelWidth = 260;
const PlotWidth = 640;
const AxisHeight = 24;

function svg(name, attributes = {}, text) {
  const element = document.createElementNS(SvgNs, name);
  for (const [key, value] of Object.entries(attributes)) {
    element.setAttribute(key, String(value));
  }
  if (text !== undefined) {
    element.textContent = text;
  }
  return element;
}

/** Rows of the picture: `{ kind, name, start, end, open }` for every entry with a start date. */
export function timelineRows(problems, medications) {
  const rows = [];
  for (const p of [...problems.active, ...problems.inactive]) {
    rows.push({ kind: "problem", name: p.name, start: p.onset, end: p.end, status: p.status });
  }
  for (const m of [...medications.current, ...medications.past]) {
    rows.push({ kind: "medication", name: m.name, start: m.start, end: m.end, status: m.status });
  }
  const dated = rows.filter((r) => dateStart(r.start) !== null);
  dated.sort((a, b) => (a.kind === b.kind ? dateStart(a.start) - dateStart(b.start) : a.kind === "problem" ? -1 : 1));
  return { dated, undated: rows.length - dated.length };
}

/** Draws the timeline into `container` (replacing what was there). `now` is the right edge. */
export function renderTimeline(container, problems, medications, now) {
  container.replaceChildren();
  const { dated, undated } = timelineRows(problems, medications);
  if (dated.length === 0) {
    const empty = document.createElement("p");
    empty.className = "empty";
    empty.textContent = "No dated problems or medications to draw.";
    container.append(empty);
  } else {
    const nowMs = now.getTime();
    const starts = dated.map((r) => dateStart(r.start));
    const firstYear = new Date(Math.min(...starts)).getUTCFullYear();
    const lastYear = now.getUTCFullYear() + 1;
    const from = Date.UTC(firstYear, 0, 1);
    const to = Date.UTC(lastYear, 0, 1);
    const x = (ms) => LabelWidth + ((Math.min(Math.max(ms, from), to) - from) / (to - from)) * PlotWidth;
    const height = AxisHeight + dated.length * RowHeight + 4;
    const picture = svg("svg", {
      viewBox: `0 0 ${LabelWidth + PlotWidth + 24} ${height}`,
      role: "img",
      "aria-label": `Timeline of ${dated.length} problems and medications`,
      class: "timeline",
    });
    const step = Math.max(1, Math.ceil((lastYear - firstYear) / 12));
    for (let year = firstYear; year <= lastYear; year += step) {
      const at = x(Date.UTC(year, 0, 1));
      picture.append(svg("line", { x1: at, x2: at, y1: AxisHeight - 6, y2: height, class: "grid" }));
      picture.append(svg("text", { x: at, y: AxisHeight - 10, "text-anchor": "middle", class: "year" }, String(year)));
    }
    dated.forEach((row, index) => {
      const y = AxisHeight + index * RowHeight;
      const start = dateStart(row.start);
      const open = !row.end;
      const end = open ? nowMs : dateEnd(row.end) ?? nowMs;
      const group = svg("g", { class: `row ${row.kind}${open ? " open" : ""}`, "data-kind": row.kind });
      group.append(svg("text", { x: LabelWidth - 8, y: y + 13, "text-anchor": "end", class: "label" }, row.name.length > 38 ? row.name.slice(0, 37) + "…" : row.name));
      const left = x(start);
      group.append(svg("rect", { x: left, y: y + 3, width: Math.max(3, x(end) - left), height: RowHeight - 6, rx: 3 }));
      group.append(svg("title", {}, `${row.kind === "problem" ? "Problem" : "Medication"}: ${row.name}, ${formatDate(row.start)} – ${open ? "ongoing" : formatDate(row.end)} (${row.status})`));
      picture.append(group);
    });
    container.append(picture);
  }
  if (undated > 0) {
    const note = document.createElement("p");
    note.className = "note";
    note.textContent = `${undated} ${undated === 1 ? "entry has" : "entries have"} no start date and ${undated === 1 ? "is" : "are"} not drawn (they are in the lists).`;
    container.append(note);
  }
}
