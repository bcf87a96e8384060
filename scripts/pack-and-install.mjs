#!/usr/bin/env node
// Packs every published workspace package with `pnpm pack`, installs each
// tarball (plus the tarballs of the workspace packages it depends on) into a
// fresh npm project outside the workspace, and runs the package's
// `test/pack-smoke.mjs` there: proof that each package installs and works on
// its own, from what would be published.
import { execFileSync } from "node:child_process";
import {
  copyFileSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

const root = resolve(import.meta.dirname, "..");
const only = process.argv.slice(2);
const packagesDir = join(root, "packages");
const packages = readdirSync(packagesDir)
  .map((name) => join(packagesDir, name))
  .filter((dir) => existsSync(join(dir, "package.json")))
  .map((dir) => ({ dir, manifest: JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) }))
  .filter(({ manifest }) => manifest.private !== true)
  .filter(({ manifest }) => only.length === 0 || only.includes(manifest.name));

const work = mkdtempSync(join(tmpdir(), "logfeat-pack-"));
const tarballs = new Map();
for (const { dir, manifest } of packages) {
  const output = execFileSync("pnpm", ["pack", "--pack-destination", work], {
    cwd: dir,
    encoding: "utf8",
  });
  const tarball = output.trim().split("\n").at(-1).trim();
  tarballs.set(manifest.name, tarball.startsWith("/") ? tarball : join(work, tarball));
}

const allManifests = new Map(
  readdirSync(packagesDir)
    .filter((name) => existsSync(join(packagesDir, name, "package.json")))
    .map((name) => {
      const manifest = JSON.parse(readFileSync(join(packagesDir, name, "package.json"), "utf8"));
      return [manifest.name, { dir: join(packagesDir, name), manifest }];
    }),
);

function workspaceClosure(name, seen = new Set()) {
  if (seen.has(name)) return seen;
  seen.add(name);
  const entry = allManifests.get(name);
  for (const dependency of Object.keys(entry?.manifest.dependencies ?? {}))
    if (allManifests.has(dependency)) workspaceClosure(dependency, seen);
  return seen;
}

function tarballOf(name) {
  if (!tarballs.has(name)) {
    const { dir } = allManifests.get(name);
    const output = execFileSync("pnpm", ["pack", "--pack-destination", work], {
      cwd: dir,
      encoding: "utf8",
    });
    const tarball = output.trim().split("\n").at(-1).trim();
    tarballs.set(name, tarball.startsWith("/") ? tarball : join(work, tarball));
  }
  return tarballs.get(name);
}

let failures = 0;
for (const { dir, manifest } of packages) {
  const smoke = join(dir, "test", "pack-smoke.mjs");
  const project = mkdtempSync(join(work, "project-"));
  const closure = [...workspaceClosure(manifest.name)];
  const fileSpec = (name) => `file:${tarballOf(name)}`;
  writeFileSync(
    join(project, "package.json"),
    JSON.stringify(
      {
        name: "logfeat-pack-check",
        private: true,
        type: "module",
        dependencies: { [manifest.name]: fileSpec(manifest.name) },
        overrides: Object.fromEntries(
          closure.filter((name) => name !== manifest.name).map((name) => [name, fileSpec(name)]),
        ),
      },
      null,
      2,
    ),
  );
  try {
    execFileSync("npm", ["install", "--no-audit", "--no-fund", "--loglevel=error"], {
      cwd: project,
      stdio: "inherit",
    });
    if (existsSync(smoke)) {
      copyFileSync(smoke, join(project, "smoke.mjs"));
      execFileSync(process.execPath, ["smoke.mjs"], { cwd: project, stdio: "inherit" });
    } else {
      execFileSync(
        process.execPath,
        [
          "--input-type=module",
          "-e",
          `const m = await import(${JSON.stringify(manifest.name)}); if (Object.keys(m).length === 0) throw new Error("no exports");`,
        ],
        { cwd: project, stdio: "inherit" },
      );
    }
    console.log(
      `pack-and-install: ${manifest.name} ok (installed with ${closure.length - 1} workspace dependencies)`,
    );
  } catch (error) {
    failures += 1;
    console.error(`pack-and-install: ${manifest.name} FAILED: ${error.message}`);
  }
}
rmSync(work, { recursive: true, force: true });
if (failures > 0) process.exit(1);
