// The built CLI as one bundle with code splitting, in dist/bundle/cli/ (run by bin/ledelsestjek.js).
//
// Why: tsc's dist/ is some 80 module files; Node resolves, reads and links each one at every command's
// start. Bundled, the start loads a handful of chunks: `score` of a small file took 0.85 of the time
// (about 50 ms less on this 2-core machine; see README "Hastighed"). Commands and the PDF code stay in
// chunks of their own, loaded only when used, as the dynamic imports in the sources say; outside
// libraries are not bundled (they load from node_modules as before). The bundle is made from tsc's
// output, so it runs the same JavaScript; the library (dist/index.js, its types) is tsc's output.
//
// The range worker is an entry of its own, next to the chunks: spawn-worker.ts finds it beside itself
// (`./range-worker.js`). The chunks sit three folders below the package root, as dist/adapters/files
// does, which is where bundled.ts finds the questionnaires and templates.
import { build } from "esbuild";

await build({
  entryPoints: { main: "dist/cli/main.js", "range-worker": "dist/adapters/csv/parallel/range-worker.js" },
  outdir: "dist/bundle/cli",
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20",
  packages: "external",
  chunkNames: "chunk-[hash]",
  logLevel: "warning",
});
