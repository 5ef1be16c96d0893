// DOM rendering. Record text only ever goes into textContent, never into markup.

import {
  ageOn,
  allergyRows,
  displayName,
  formatDate,
  formatNhsNumber,
  isGap,
  medicationRows,
  nhsNumberOf,
  problemRows,
  registeredPractice,
  sourcesOf,
  SupplierNames,
} from "./model.js";
import { renderTimeline } from "./timeline.js";

function el(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [key, value] of Object.entries(attributes)) {
    if (value === null || value === undefined || value === false) {
      continue;
    }
    if (key === "text") {
      element.textContent = String(value);
    } else {
      element.setAttribute(key, value === true ? "" : String(value));
    }
  }
  element.append(...children.filter((c) => c !== null && c !== undefined));
  return element;
}

const byId = (id) => document.getElementById(id);

export function setStatus(text) {
  const status = byId("status");
  status.hidden = false;
  status.textContent = text;
}

function clearStatus() {
  const status = byId("status");
  status.hidden = true;
  status.textContent = "";
}

export function showUser(fhirUser) {
  byId("user").textContent = fhirUser ? `Signed in as ${fhirUser}` : "";
}

export function renderError(message) {
  clearStatus();
  const box = byId("error");
  box.hidden = false;
  box.replaceChildren(el("h2", { text: "The viewer could not continue" }), el("p", { text: message }));
  document.body.dataset.state = "error";
}

export function renderConnectForm(defaultServer, clientId, onLaunch) {
  clearStatus();
  const form = byId("connect");
  const server = el("input", { type: "url", id: "connect-iss", name: "iss", required: true, size: 50, value: defaultServer });
  const client = el("input", { type: "text", id: "connect-client", name: "client_id", required: true, value: clientId });
  form.replaceChildren(
    el("h2", { text: "Open a patient record" }),
    el("p", { text: "Launch this SMART app against a FHIR server: you choose the patient at the server's sign-in page." }),
    el("label", { for: "connect-iss", text: "FHIR server" }),
    server,
    el("label", { for: "connect-client", text: "Client id" }),
    client,
    el("button", { type: "submit", text: "Launch" }),
  );
  form.hidden = false;
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    onLaunch(server.value, client.value);
  });
}

const RefusalMessages = {
  NO_PATIENT_CONSENT: "This patient has asked for their GP record not to be shared. Nothing of the record is shown.",
  PATIENT_NOT_FOUND: "No record can be shown for this patient.",
  NO_ORGANISATION_CONSENT: "The organisation holding this record does not share it with you. Nothing of the record is shown.",
  ACCESS_DENIED: "Your access does not cover this patient's record. Nothing of the record is shown.",
};

export function renderRefused(refused) {
  clearStatus();
  const spine = refused.issues.find((i) => i.spineCode)?.spineCode ?? null;
  const box = byId("refused");
  box.hidden = false;
  box.replaceChildren(
    el("h2", { text: "The record cannot be shown" }),
    el("p", { class: "refusal", "data-spine-code": spine, text: RefusalMessages[spine] ?? `The server refused to return the record (HTTP ${refused.status}). Nothing of the record is shown.` }),
    el("p", { class: "small", text: `Server answer: HTTP ${refused.status}${spine ? `, ${spine}` : ""}.` }),
  );
  renderIssues(refused.issues);
  document.body.dataset.state = "refused";
}

function sourceChips(sources) {
  const list = el("ul", { class: "sources", "aria-label": "Sources" });
  if (sources.length === 0) {
    list.append(el("li", { class: "source unknown", text: "source not stated" }));
  }
  for (const s of sources) {
    list.append(el("li", { class: `source ${s.supplier}`, "data-supplier": s.supplier, "data-ods": s.ods, title: s.display ?? `${SupplierNames[s.supplier] ?? s.supplier} (${s.ods})`, text: s.label }));
  }
  if (sources.length > 1) {
    list.append(el("li", { class: "merged", text: `held by ${sources.length} sources` }));
  }
  return list;
}

function period(start, end, openText) {
  if (!start && !end) {
    return "dates not recorded";
  }
  return `${start ? formatDate(start) : "?"} – ${end ? formatDate(end) : openText}`;
}

function table(testId, caption, headings, rows, emptyText) {
  const body = el("tbody");
  for (const cells of rows) {
    body.append(el("tr", {}, ...cells.map((c) => (c instanceof Node ? el("td", {}, c) : el("td", { text: c ?? "" })))));
  }
  const element = el("table", { "data-testid": testId }, el("caption", { text: `${caption} (${rows.length})` }), el("thead", {}, el("tr", {}, ...headings.map((h) => el("th", { scope: "col", text: h })))), body);
  if (rows.length === 0) {
    return el("div", { class: "list" }, element, el("p", { class: emptyText.gap ? "empty gap" : "empty", "data-testid": `${testId}-empty`, text: emptyText.text }));
  }
  return el("div", { class: "list" }, element);
}

function emptyText(area, issues, failedAreas, noun) {
  if (failedAreas.has(area)) {
    return { gap: true, text: `The ${noun} could not be read: see the issues below. This is not "none".` };
  }
  const gaps = issues.filter((i) => (i.area === area || i.area === "Record") && isGap(i));
  if (gaps.length > 0) {
    return { gap: true, text: `None returned, but ${gaps.length} ${gaps.length === 1 ? "issue says" : "issues say"} that some ${noun} may be missing: see the issues below.` };
  }
  return { gap: false, text: `None recorded.` };
}

function renderBanner(patient, needPatientBanner, now) {
  const banner = byId("banner");
  const nhs = nhsNumberOf(patient);
  const age = ageOn(patient.birthDate, now);
  const source = sourcesOf(patient)[0];
  banner.hidden = false;
  banner.className = needPatientBanner ? "banner" : "banner compact";
  banner.replaceChildren(
    el("div", { class: "name", "data-testid": "patient-name", text: displayName(patient) }),
    el("dl", {},
      el("dt", { text: "NHS number" }), el("dd", { "data-testid": "nhs-number", text: nhs ? formatNhsNumber(nhs) : "not recorded" }),
      ...(needPatientBanner
        ? [
          el("dt", { text: "Born" }), el("dd", { "data-testid": "birth-date", text: patient.birthDate ? `${formatDate(patient.birthDate)}${age !== null ? ` (${age}y)` : ""}` : "not recorded" }),
          el("dt", { text: "Gender" }), el("dd", { "data-testid": "gender", text: patient.gender ?? "not recorded" }),
          el("dt", { text: "Registered practice" }), el("dd", { "data-testid": "registered-practice", text: registeredPractice(patient) ?? "not recorded" }),
          el("dt", { text: "Record from" }), el("dd", { text: source ? source.label : "not stated" }),
        ]
        : []),
      ...(patient.deceasedDateTime || patient.deceasedBoolean ? [el("dt", { text: "Deceased" }), el("dd", { class: "deceased", text: patient.deceasedDateTime ? formatDate(patient.deceasedDateTime) : "yes" })] : []),
    ),
  );
}

export function renderIssues(issues) {
  const panel = byId("issues");
  panel.hidden = false;
  const rows = issues.map((i) => [i.area, i.severity, i.spineCode ?? i.code, i.diagnostics ?? "", i.text]);
  const body = el("tbody");
  for (const [row, issue] of rows.map((r, index) => [r, issues[index]])) {
    body.append(el("tr", { class: `severity-${issue.severity}` }, ...row.map((c) => el("td", { text: c }))));
  }
  panel.replaceChildren(
    el("h2", { text: `Issues reported by the server (${issues.length})` }),
    issues.length === 0
      ? el("p", { "data-testid": "no-issues", text: "The server reported no issues for these requests: every holder answered, nothing was withheld." })
      : el("table", { "data-testid": "issues-table" },
        el("thead", {}, el("tr", {}, ...["Area", "Severity", "Code", "Diagnostics", "What it means"].map((h) => el("th", { scope: "col", text: h })))),
        body),
  );
}

function renderGapSummary(issues) {
  const alerts = byId("alerts");
  const gaps = issues.filter(isGap);
  if (gaps.length === 0) {
    alerts.hidden = true;
    alerts.replaceChildren();
    return;
  }
  const list = el("ul");
  for (const gap of gaps) {
    list.append(el("li", { "data-spine-code": gap.spineCode, "data-diagnostics": gap.diagnostics, text: `${gap.area}: ${gap.text}` }));
  }
  alerts.hidden = false;
  alerts.replaceChildren(el("h2", { text: "This record may be incomplete" }), list);
}

export function renderRecord(record, { needPatientBanner, now }) {
  clearStatus();
  renderBanner(record.patient, needPatientBanner, now);
  renderGapSummary(record.issues);

  const medications = medicationRows(record.medicationStatements, record.medications);
  const allergies = allergyRows(record.allergies);
  const problems = problemRows(record.conditions);
  const { issues, failedAreas } = record;
  const medicationRow = (m) => [m.name, m.dosage, m.status, period(m.start, m.end, "ongoing"), sourceChips(m.sources)];
  const allergyRow = (a) => [a.name, [a.reactions, a.severity].filter(Boolean).join(" · "), a.verification ?? "", a.end ? period(a.onset, a.end, "") : a.onset ? `since ${formatDate(a.onset)}` : "date not recorded", sourceChips(a.sources)];
  const problemRow = (p) => [p.name, p.status, period(p.onset, p.end, "ongoing"), sourceChips(p.sources)];

  byId("medications").replaceChildren(
    el("h2", { text: "Medications" }),
    table("medications-current", "Current", ["Medication", "Dosage", "Status", "When", "Sources"], medications.current.map(medicationRow), emptyText("Medications", issues, failedAreas, "medications")),
    table("medications-past", "Past", ["Medication", "Dosage", "Status", "When", "Sources"], medications.past.map(medicationRow), emptyText("Medications", issues, failedAreas, "medications")),
  );
  byId("allergies").replaceChildren(
    el("h2", { text: "Allergies and intolerances" }),
    table("allergies-active", "Active", ["Substance", "Reaction", "Verification", "When", "Sources"], allergies.active.map(allergyRow), emptyText("Allergies", issues, failedAreas, "allergies")),
    table("allergies-resolved", "Resolved", ["Substance", "Reaction", "Verification", "When", "Sources"], allergies.resolved.map(allergyRow), emptyText("Allergies", issues, failedAreas, "allergies")),
  );
  byId("problems").replaceChildren(
    el("h2", { text: "Problems" }),
    table("problems-active", "Active", ["Problem", "Status", "When", "Sources"], problems.active.map(problemRow), emptyText("Problems", issues, failedAreas, "problems")),
    table("problems-inactive", "Inactive", ["Problem", "Status", "When", "Sources"], problems.inactive.map(problemRow), emptyText("Problems", issues, failedAreas, "problems")),
  );
  const timeline = byId("timeline");
  timeline.replaceChildren();
  const picture = el("div", { "data-testid": "timeline" });
  timeline.append(el("h2", { text: "Timeline of problems and medications" }), picture);
  renderTimeline(picture, problems, medications, now);
  byId("record").hidden = false;
  byId("via").textContent = record.via === "$everything" ? "Read through Patient/$everything." : "Read through the Patient, MedicationStatement, AllergyIntolerance and Condition searches.";
  renderIssues(issues);
  document.body.dataset.state = "record";
}
