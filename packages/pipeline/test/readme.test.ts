import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { readmeExamples, runReadmeExample } from "@logfeat/test-support";
import { describe, expect, it } from "vitest";

const packageDir = join(dirname(fileURLToPath(import.meta.url)), "..");
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
  );
});
