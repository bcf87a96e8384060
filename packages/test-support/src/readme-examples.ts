import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/** One fenced ```ts code block of a README, with the line it starts on. */
export interface ReadmeExample {
  /** 1-based line of the opening fence in the README. */
  line: number;
  /** The code between the fences. */
  code: string;
}

/**
 * The ```ts / ```typescript blocks of a README, in order. A block whose fence
 * line says `no-run` (```ts no-run) is left out: use it for fragments that
 * cannot run on their own, and keep it rare.
 */
export function readmeExamples(readmePath: string): ReadmeExample[] {
  const lines = readFileSync(readmePath, "utf8").split("\n");
  const examples: ReadmeExample[] = [];
  for (let index = 0; index < lines.length; index += 1) {
    const fence = /^```(ts|typescript)(.*)$/.exec(lines[index] ?? "");
    if (fence === null) continue;
    const start = index;
    const body: string[] = [];
    index += 1;
    while (index < lines.length && !(lines[index] ?? "").startsWith("```")) {
      body.push(lines[index] ?? "");
      index += 1;
    }
    if (!(fence[2] ?? "").includes("no-run"))
      examples.push({ line: start + 1, code: body.join("\n") });
  }
  return examples;
}

/**
 * Runs one README example as an ES module inside the test process (so package
 * imports resolve to the workspace sources). The code is written to a
 * temporary file next to the README and imported; assertions inside the
 * example (node:assert) make the test fail.
 */
export async function runReadmeExample(packageDir: string, example: ReadmeExample): Promise<void> {
  const file = join(packageDir, `.readme-example-${example.line}-${process.pid}.ts`);
  writeFileSync(file, example.code);
  try {
    await import(/* @vite-ignore */ `${file}?t=${Date.now()}`);
  } finally {
    rmSync(file, { force: true });
  }
}
