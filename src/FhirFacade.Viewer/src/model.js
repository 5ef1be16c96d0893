// Pure functions from FHIR resources to what the viewer shows. No DOM, no network.

export const NhsNumberSystem = "https://fhir.nhs.uk/Id/nhs-number";
export const RecordSourceSystem = "https://fhirfacade.example.org/CodeSystem/record-source";
export const SpineCodeSystem = "https://fhir.nhs.uk/CodeSystem/Spine-ErrorOrWarningCode";
const SourcePrefix = "urn:fhirfacade:source:";

export const SupplierNames = {
  emis: "EMIS Web",
  tpp: "TPP SystmOne",
  vision: "INPS Vision",
  microtest: "Microtest Evolution",
};

/** "9990000050" → "999 000 0050" (NHS number presentation, 3-3-4); anything else unchanged. */
export function formatNhsNumber(value) {
  const digits = String(value ?? "").replace(/\s+/g, "");
  return /^\d{10}$/.test(digits) ? `${digits.slice(0, 3)} ${digits.slice(3, 6)} ${digits.slice(6)}` : String(value ?? "");
}

export function nhsNumberOf(patient) {
  return (patient?.identifier ?? []).find((i) => i.system === NhsNumberSystem)?.value ?? null;
}

/** The name to show: the usual (or official, or first) name, "Given Names FAMILY" with the prefix. */
export function displayName(patient) {
  const names = patient?.name ?? [];
  const name = names.find((n) => n.use === "usual") ?? names.find((n) => n.use === "official") ?? names.find((n) => n.use !== "old") ?? names[0];
  if (!name) {
    return "(no name recorded)";
  }
  if (name.text) {
    return name.text;
  }
  return [...(name.prefix ?? []), ...(name.given ?? []), (name.family ?? "").toUpperCase()].filter(Boolean).join(" ");
}

const Months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** A FHIR date/dateTime at its own precision: "2003", "May 2018", "2 Nov 1940". */
export function formatDate(value) {
  if (!value) {
    return "";
  }
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(value);
  if (!match) {
    return String(value);
  }
  const [, year, month, day] = match;
  if (!month) {
    return year;
  }
  const monthName = Months[Number(month) - 1] ?? month;
  return day ? `${Number(day)} ${monthName} ${year}` : `${monthName} ${year}`;
}

/** The start of a FHIR date's range as a UTC timestamp (ms), or null. */
export function dateStart(value) {
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(value ?? "");
  if (!match) {
    return null;
  }
  return Date.UTC(Number(match[1]), match[2] ? Number(match[2]) - 1 : 0, match[3] ? Number(match[3]) : 1);
}

/** The end of a FHIR date's range (exclusive) as a UTC timestamp (ms), or null. */
export function dateEnd(value) {
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(value ?? "");
  if (!match) {
    return null;
  }
  const year = Number(match[1]);
  if (!match[2]) {
    return Date.UTC(year + 1, 0, 1);
  }
  const month = Number(match[2]) - 1;
  return match[3] ? Date.UTC(year, month, Number(match[3]) + 1) : Date.UTC(year, month + 1, 1);
}

/** Age in whole years on a day (UTC), or null. */
export function ageOn(birthDate, today) {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(birthDate ?? "");
  if (!match) {
    return null;
  }
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  let age = today.getUTCFullYear() - y;
  if (today.getUTCMonth() + 1 < m || (today.getUTCMonth() + 1 === m && today.getUTCDate() < d)) {
    age -= 1;
  }
  return age;
}

function describeSource(supplier, ods, display) {
  return { supplier, ods, label: `${SupplierNames[supplier] ?? supplier} · ${ods}`, display: display ?? null };
}

/**
 * Every source of a resource: one per record-source meta.tag when the facade merged it
 * (docs/adr/0007), else the single source in meta.source.
 */
export function sourcesOf(resource) {
  const tags = (resource?.meta?.tag ?? []).filter((t) => t.system === RecordSourceSystem && typeof t.code === "string" && t.code.includes(":"));
  if (tags.length > 0) {
    return tags.map((t) => {
      const [supplier, ods] = t.code.split(":", 2);
      return describeSource(supplier, ods, t.display);
    });
  }
  const source = resource?.meta?.source;
  if (typeof source === "string" && source.startsWith(SourcePrefix)) {
    const [supplier, ods] = source.slice(SourcePrefix.length).split(":", 2);
    if (supplier && ods) {
      return [describeSource(supplier, ods, null)];
    }
  }
  return [];
}

export function conceptText(concept) {
  if (!concept) {
    return "";
  }
  return concept.text ?? concept.coding?.find((c) => c.display)?.display ?? concept.coding?.[0]?.code ?? "";
}

function statusCode(concept) {
  return concept?.coding?.[0]?.code ?? null;
}

const CurrentMedicationStatuses = new Set(["active", "intended", "on-hold"]);
const ActiveProblemStatuses = new Set(["active", "recurrence", "relapse"]);
const ResolvedAllergyStatuses = new Set(["inactive", "resolved"]);

function medicationName(statement, medications) {
  const reference = statement.medicationReference?.reference;
  const medication = reference ? medications.get(reference) : undefined;
  return conceptText(statement.medicationCodeableConcept) || conceptText(medication?.code) || statement.medicationReference?.display || "(medication not named)";
}

/** MedicationStatements as rows, current (active, intended, on hold) and past (everything else). */
export function medicationRows(statements, medications) {
  const rows = statements.map((s) => ({
    id: s.id,
    name: medicationName(s, medications),
    status: s.status ?? "unknown",
    start: s.effectivePeriod?.start ?? s.effectiveDateTime ?? null,
    end: s.effectivePeriod?.end ?? null,
    dosage: (s.dosage ?? []).map((d) => d.text).filter(Boolean).join("; "),
    sources: sourcesOf(s),
  }));
  const byStart = (a, b) => (dateStart(b.start) ?? 0) - (dateStart(a.start) ?? 0);
  return {
    current: rows.filter((r) => CurrentMedicationStatuses.has(r.status)).sort(byStart),
    past: rows.filter((r) => !CurrentMedicationStatuses.has(r.status)).sort(byStart),
  };
}

/** AllergyIntolerances: active (or no status recorded) and resolved (inactive, resolved). */
export function allergyRows(allergies) {
  const rows = allergies.map((a) => ({
    id: a.id,
    name: conceptText(a.code) || "(substance not named)",
    status: statusCode(a.clinicalStatus) ?? "not recorded",
    verification: statusCode(a.verificationStatus),
    onset: a.onsetDateTime ?? a.onsetPeriod?.start ?? null,
    end: a.lastOccurrence ?? null,
    reactions: (a.reaction ?? []).flatMap((r) => (r.manifestation ?? []).map(conceptText)).filter(Boolean).join(", "),
    severity: (a.reaction ?? []).map((r) => r.severity).find(Boolean) ?? a.criticality ?? null,
    sources: sourcesOf(a),
  }));
  return {
    active: rows.filter((r) => !ResolvedAllergyStatuses.has(r.status)),
    resolved: rows.filter((r) => ResolvedAllergyStatuses.has(r.status)),
  };
}

/** Conditions: active (active, recurrence, relapse) and inactive (everything else). */
export function problemRows(conditions) {
  const rows = conditions.map((c) => ({
    id: c.id,
    name: conceptText(c.code) || "(problem not named)",
    status: statusCode(c.clinicalStatus) ?? "not recorded",
    onset: c.onsetDateTime ?? c.onsetPeriod?.start ?? null,
    end: c.abatementDateTime ?? c.abatementPeriod?.end ?? c.abatementPeriod?.start ?? null,
    sources: sourcesOf(c),
  }));
  const byOnset = (a, b) => (dateStart(b.onset) ?? 0) - (dateStart(a.onset) ?? 0);
  return {
    active: rows.filter((r) => ActiveProblemStatuses.has(r.status)).sort(byOnset),
    inactive: rows.filter((r) => !ActiveProblemStatuses.has(r.status)).sort(byOnset),
  };
}

/** One issue of an OperationOutcome, flattened for the issues panel. */
export function issueRow(issue, area) {
  const spine = (issue.details?.coding ?? []).find((c) => c.system === SpineCodeSystem);
  return {
    area,
    severity: issue.severity ?? "error",
    code: issue.code ?? "unknown",
    spineCode: spine?.code ?? null,
    diagnostics: issue.diagnostics ?? null,
    text: issue.details?.text ?? spine?.display ?? issue.diagnostics ?? "(no description)",
  };
}

export function issueRows(outcome, area) {
  return (outcome?.issue ?? []).map((i) => issueRow(i, area));
}

/** True when an issue means something may be missing from what is shown (not merely informational). */
export function isGap(issue) {
  return issue.severity === "fatal" || issue.severity === "error" || issue.severity === "warning";
}

/** True when the CapabilityStatement declares Patient $everything. */
export function declaresEverything(capability) {
  const isEverything = (o) => o?.name === "everything" || /\/OperationDefinition\/Patient-everything$/.test(o?.definition ?? "");
  return (capability?.rest ?? []).some(
    (rest) => (rest.operation ?? []).some(isEverything) || (rest.resource ?? []).some((r) => r.type === "Patient" && (r.operation ?? []).some(isEverything)),
  );
}

/** The registered practice named on the Patient (an Organization in generalPractitioner). */
export function registeredPractice(patient) {
  const organisation = (patient?.generalPractitioner ?? []).find((r) => (r.reference ?? "").startsWith("Organization/") || r.type === "Organization");
  return organisation?.display ?? null;
}
