// Run by scripts/pack-and-install.mjs inside a fresh npm project that installed the packed tarball.
import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runPipeline } from "@logfeat/pipeline";

const file = join(mkdtempSync(join(tmpdir(), "smoke-")), "api.log");
writeFileSync(file, "2025-02-07T10:15:30.123Z ERROR [api-server] DB timeout duration_ms=523\n");
const { features, ledger } = await runPipeline(file, { now: 0 });
assert.equal(features.length, 1);
assert.equal(features[0].max_duration_ms, 523);
assert.equal(ledger.entries, 1);
