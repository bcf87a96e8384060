import { defineProject } from "vitest/config";
import packageJson from "./package.json" with { type: "json" };

// Tests read the workspace sources (the `@logfeat/source` export condition). Benchmarks
// measure the built packages as Node runs them, loaded natively: vitest's module transform
// turns every imported call into a property lookup, which would slow the hot path.
export default defineProject(({ mode }) => {
  const conditions = mode === "benchmark" ? [] : ["@logfeat/source"];
  return {
    resolve: { conditions },
    ssr: { resolve: { conditions } },
    test: {
      name: packageJson.name,
      include: ["test/**/*.test.ts"],
      restoreMocks: true,
      testTimeout: 30_000,
      benchmark: { include: ["bench/**/*.bench.ts"] },
      server: { deps: { external: [/\/dist\//] } },
    },
  };
});
