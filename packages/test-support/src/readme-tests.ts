import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { readmeExamples, runReadmeExample } from "./readme-examples.js";

/** Time one README example may take: generous, as CI runs many test files at once on 2 cores. */
const README_EXAMPLE_TIMEOUT_MS = 30_000;

/**
 * Registers the README-example tests of the package whose `test/` folder holds
 * the calling test file: one test that the README has examples, and one per
 * ```ts block that runs it. Call it from `test/readme.test.ts` with
 * `import.meta.url`.
 */
export function describeReadmeExamples(testFileUrl: string): void {
  const packageDir = join(dirname(fileURLToPath(testFileUrl)), "..");
  const examples = readmeExamples(join(packageDir, "README.md"));
  describe("README examples", () => {
    it("has examples", () => {
      expect(examples.length).toBeGreaterThan(0);
    });
    it.each(examples.map((example) => [example.line, example] as const))(
      "example at README line %i runs",
      async (_line, example) => {
        await runReadmeExample(packageDir, example);
      },
      README_EXAMPLE_TIMEOUT_MS,
    );
  });
}
