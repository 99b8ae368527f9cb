import { execFileSync } from "node:child_process";

/** e2e tests spawn bin/ledelsestjek.js, which runs dist/: build it from the current sources first. */
export default function setup(): void {
  execFileSync("npx", ["tsc", "-p", "tsconfig.build.json"], { stdio: "inherit" });
}
