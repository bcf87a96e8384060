import { defineProject } from "vitest/config";
import packageJson from "./package.json" with { type: "json" };

export default defineProject({
  resolve: { conditions: ["@logfeat/source"] },
  ssr: { resolve: { conditions: ["@logfeat/source"] } },
  test: {
    name: packageJson.name,
    include: ["test/**/*.test.ts"],
    restoreMocks: true,
    testTimeout: 30_000,
    benchmark: { include: ["bench/**/*.bench.ts"] },
  },
});
