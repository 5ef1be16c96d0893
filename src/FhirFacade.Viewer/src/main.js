// The viewer's entry point: SMART launch with fhirclient (standalone with ?iss=, EHR launch with
// ?iss=&launch=), then the record of the launch patient.

import FHIR from "fhirclient";
import { createFetcher, loadRecord } from "./record.js";
import { renderConnectForm, renderError, renderRecord, renderRefused, setStatus, showUser } from "./render.js";

/** The client id registered for this viewer with the development issuer (overridable with ?client_id=). */
export const DefaultClientId = "fhirfacade-viewer";

/** What the viewer asks for: the launch patient, who the user is, and read access to the four record areas. */
export const DefaultScope = [
  "launch/patient",
  "openid",
  "fhirUser",
  "patient/Patient.rs",
  "patient/MedicationStatement.rs",
  "patient/Medication.rs",
  "patient/AllergyIntolerance.rs",
  "patient/Condition.rs",
].join(" ");

function redirectUri() {
  return new URL(".", location.href).href.split("?")[0];
}

async function authorize(iss, launch, clientId) {
  setStatus(`Connecting to ${iss}…`);
  await FHIR.oauth2.authorize({
    iss,
    launch: launch ?? undefined,
    clientId,
    scope: launch ? `launch ${DefaultScope}` : DefaultScope,
    redirectUri: redirectUri(),
    pkceMode: "required",
  });
}

async function showRecord() {
  setStatus("Completing sign-in…");
  const client = await FHIR.oauth2.ready();
  const token = client.state.tokenResponse ?? {};
  showUser(client.getFhirUser());
  const patientId = client.patient.id;
  if (!patientId) {
    renderError("The authorization server did not give a patient for this launch (no launch/patient context).");
    return;
  }
  setStatus("Reading the record…");
  const fetcher = createFetcher(client.state.serverUrl, token.access_token);
  const record = await loadRecord(fetcher, patientId);
  if (record.refused) {
    renderRefused(record.refused);
    return;
  }
  renderRecord(record, { needPatientBanner: token.need_patient_banner !== false, serverUrl: client.state.serverUrl, now: new Date() });
}

async function main() {
  const params = new URLSearchParams(location.search);
  const clientId = params.get("client_id") || DefaultClientId;
  if (params.has("code") || params.has("error")) {
    await showRecord();
  } else if (params.has("iss")) {
    await authorize(params.get("iss"), params.get("launch"), clientId);
  } else if (sessionStorage.getItem("SMART_KEY")) {
    // A reload after a completed launch: fhirclient keeps the session's state.
    await showRecord();
  } else {
    renderConnectForm(new URL("/fhir", location.origin).href, clientId, (iss, id) => authorize(iss, null, id).catch(fail));
  }
}

function fail(error) {
  renderError(error?.message ?? String(error));
}

main().catch(fail);
