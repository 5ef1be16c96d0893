// Reads one patient's record from a FHIR server: through Patient/$everything when the
// CapabilityStatement declares it, otherwise through the four searches. Every OperationOutcome issue
// of every page, and every request that failed, ends up in `issues`: nothing is dropped silently.

import { declaresEverything, issueRows, nhsNumberOf, NhsNumberSystem } from "./model.js";

/** At most this many pages per search; more is reported as an issue, never dropped silently. */
export const MaxPages = 20;

/** A request that failed: HTTP status and the OperationOutcome (when the server sent one). */
export class FhirRequestError extends Error {
  constructor(status, outcome, url) {
    super(`HTTP ${status} from ${url}`);
    this.name = "FhirRequestError";
    this.status = status;
    this.outcome = outcome;
  }
}

/**
 * A tiny FHIR JSON fetcher bound to a server and a bearer token. fhirclient does the SMART launch;
 * the reads go through fetch directly so that the OperationOutcome of an error stays readable.
 */
export function createFetcher(serverUrl, accessToken, fetchImpl = globalThis.fetch.bind(globalThis)) {
  const base = serverUrl.replace(/\/+$/, "") + "/";
  return {
    base,
    async get(pathOrUrl) {
      const url = new URL(pathOrUrl, base).href;
      if (!url.startsWith(base)) {
        // Never send the token anywhere but the server it was issued for.
        throw new FhirRequestError(0, { issue: [{ severity: "error", code: "security", details: { text: `Not following a link outside ${base}: ${url}` } }] }, url);
      }
      let response;
      try {
        response = await fetchImpl(url, { headers: { Accept: "application/fhir+json", Authorization: `Bearer ${accessToken}` } });
      } catch (error) {
        throw new FhirRequestError(0, { issue: [{ severity: "error", code: "transient", details: { text: `The server could not be reached (${error.message}).` } }] }, url);
      }
      const text = await response.text();
      let body = null;
      try {
        body = text ? JSON.parse(text) : null;
      } catch {
        body = null;
      }
      if (!response.ok) {
        const outcome = body?.resourceType === "OperationOutcome"
          ? body
          : { issue: [{ severity: "error", code: "exception", details: { text: `The server answered HTTP ${response.status} without an OperationOutcome.` } }] };
        throw new FhirRequestError(response.status, outcome, url);
      }
      return body;
    },
  };
}

/** Reads every page of a search, collecting resources by type and every issue (tagged with `area`). */
export async function readAllPages(fetcher, firstUrl, area) {
  const resources = [];
  const issues = [];
  let url = firstUrl;
  let pages = 0;
  while (url) {
    if (pages === MaxPages) {
      issues.push({ area, severity: "warning", code: "incomplete", spineCode: null, diagnostics: "VIEWER-PAGE-LIMIT", text: `Stopped after ${MaxPages} pages; later pages of this list are not shown.` });
      break;
    }
    let bundle;
    try {
      bundle = await fetcher.get(url);
    } catch (error) {
      if (!(error instanceof FhirRequestError)) {
        throw error;
      }
      if (pages === 0) {
        throw error;
      }
      issues.push(...issueRows(error.outcome, area));
      issues.push({ area, severity: "warning", code: "incomplete", spineCode: null, diagnostics: "VIEWER-PAGE-FAILED", text: `Page ${pages + 1} could not be read (HTTP ${error.status}); only the first ${pages} page(s) of this list are shown.` });
      break;
    }
    pages += 1;
    for (const entry of bundle?.entry ?? []) {
      const resource = entry.resource;
      if (!resource) {
        continue;
      }
      if (resource.resourceType === "OperationOutcome" || entry.search?.mode === "outcome") {
        issues.push(...issueRows(resource, area));
      } else {
        resources.push(resource);
      }
    }
    url = (bundle?.link ?? []).find((l) => l.relation === "next")?.url ?? null;
  }
  return { resources, issues };
}

function byType(resources, type) {
  return resources.filter((r) => r.resourceType === type);
}

function medicationsByReference(resources) {
  const map = new Map();
  for (const medication of byType(resources, "Medication")) {
    map.set(`Medication/${medication.id}`, medication);
  }
  return map;
}

/**
 * Reads the record of the launch patient. Resolves to
 * `{ refused, patient, medicationStatements, medications, allergies, conditions, issues, via, failedAreas }`;
 * `refused` is set (and nothing else is read) when the patient's own record cannot be read.
 */
export async function loadRecord(fetcher, patientId) {
  const issues = [];
  let launchPatient;
  try {
    launchPatient = await fetcher.get(`Patient/${encodeURIComponent(patientId)}`);
  } catch (error) {
    if (error instanceof FhirRequestError) {
      return { refused: { status: error.status, issues: issueRows(error.outcome, "Patient") }, issues: issueRows(error.outcome, "Patient") };
    }
    throw error;
  }

  let capability = null;
  try {
    capability = await fetcher.get("metadata");
  } catch (error) {
    if (!(error instanceof FhirRequestError)) {
      throw error;
    }
    issues.push(...issueRows(error.outcome, "CapabilityStatement"));
  }

  const nhsNumber = nhsNumberOf(launchPatient);
  // The NHS number reaches every organisation holding the patient's record; the id only its own.
  const patientParameter = nhsNumber
    ? `patient.identifier=${encodeURIComponent(`${NhsNumberSystem}|${nhsNumber}`)}`
    : `patient=${encodeURIComponent(`Patient/${patientId}`)}`;

  const failedAreas = new Set();
  const read = async (url, area) => {
    try {
      return await readAllPages(fetcher, url, area);
    } catch (error) {
      if (!(error instanceof FhirRequestError)) {
        throw error;
      }
      failedAreas.add(area);
      return { resources: [], issues: [...issueRows(error.outcome, area), { area, severity: "error", code: "incomplete", spineCode: null, diagnostics: "VIEWER-REQUEST-FAILED", text: `The ${area} could not be read (HTTP ${error.status}).` }] };
    }
  };

  let resources;
  let via;
  if (declaresEverything(capability)) {
    via = "$everything";
    const everything = await read(`Patient/${encodeURIComponent(patientId)}/$everything`, "Record");
    if (failedAreas.has("Record")) {
      ["Medications", "Allergies", "Problems"].forEach((a) => failedAreas.add(a));
    }
    resources = everything.resources;
    issues.push(...everything.issues);
  } else {
    via = "searches";
    const [patients, medications, allergies, problems] = await Promise.all([
      nhsNumber
        ? read(`Patient?identifier=${encodeURIComponent(`${NhsNumberSystem}|${nhsNumber}`)}`, "Patient")
        : Promise.resolve({ resources: [], issues: [] }),
      read(`MedicationStatement?${patientParameter}&_include=MedicationStatement:medication`, "Medications"),
      read(`AllergyIntolerance?${patientParameter}`, "Allergies"),
      read(`Condition?${patientParameter}`, "Problems"),
    ]);
    resources = [...patients.resources, ...medications.resources, ...allergies.resources, ...problems.resources];
    issues.push(...patients.issues, ...medications.issues, ...allergies.issues, ...problems.issues);
  }

  // The banner shows the registered practice's Patient when the search found it (docs/adr/0007).
  const patient = byType(resources, "Patient").find((p) => nhsNumberOf(p) === nhsNumber) ?? launchPatient;
  return {
    refused: null,
    patient,
    medicationStatements: byType(resources, "MedicationStatement"),
    medications: medicationsByReference(resources),
    allergies: byType(resources, "AllergyIntolerance"),
    conditions: byType(resources, "Condition"),
    issues,
    via,
    failedAreas,
  };
}
