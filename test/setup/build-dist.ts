import { execFileSync } from "node:child_process";

/** e2e tests spawn bin/ledelsestjek.js, which runs dist/bundle/cli/: build it from the current sources first (tsc, then the bundle of its output). */
export default function setup(): void {
  execFileSync("npx", ["tsc", "-p", "tsconfig.build.json"], { stdio: "inherit" });
  execFileSync(process.execPath, ["scripts/bundle-cli.mjs"], { stdio: "inherit" });
}
