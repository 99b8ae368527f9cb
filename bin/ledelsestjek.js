#!/usr/bin/env node
// Runs the built CLI (dist/bundle/cli/, see scripts/bundle-cli.mjs). In a clone where it has not been built yet, say so instead of a stack trace.
let main;
try {
  ({ main } = await import("../dist/bundle/cli/main.js"));
} catch (err) {
  if (err?.code !== "ERR_MODULE_NOT_FOUND" || !String(err.message).includes("main.js")) throw err;
  process.stderr.write("ledelsestjek er ikke bygget (dist/ mangler): kør `npm ci` eller `npm run build` i projektets mappe.\n");
  process.exit(1);
}
await main(process.argv);
