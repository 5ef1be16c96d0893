// Bundles the viewer into dist/ with esbuild (WebAssembly build: no native binary to install).
// Run by `npm run build`, and by the server's build through FhirFacade.Viewer.targets.
import { build } from "esbuild-wasm";
import { copyFile, mkdir, rm, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const dist = join(here, "dist");

await rm(dist, { recursive: true, force: true });
await mkdir(dist, { recursive: true });
await build({
  entryPoints: [join(here, "src", "main.js")],
  outfile: join(dist, "viewer.js"),
  bundle: true,
  format: "iife",
  platform: "browser",
  target: ["chrome110", "firefox110", "safari16"],
  minify: true,
  sourcemap: false,
  legalComments: "eof",
  // fhirclient's "pure" build: no fetch/AbortController polyfills for browsers that have them.
  define: { FHIRCLIENT_PURE: "true", "process.env.NODE_ENV": '"production"' },
  logLevel: "warning",
});
await copyFile(join(here, "src", "index.html"), join(dist, "index.html"));
await copyFile(join(here, "src", "viewer.css"), join(dist, "viewer.css"));
// The MSBuild target's incremental-build marker: written last, so a failed build leaves none.
await writeFile(join(dist, ".built"), new Date().toISOString() + "\n");
