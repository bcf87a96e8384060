import { collectEntries, measureStages, type StageRun } from "./stage-timings.js";

const [path, runsText, nowText] = process.argv.slice(2);
const runs = Number(runsText ?? "1");
if (path === undefined || !Number.isInteger(runs) || runs < 1) {
  process.stderr.write("usage: stages-command.js <file> [runs] [now ISO instant]\n");
  process.exit(2);
}
const now = Date.parse(nowText ?? "2025-01-01T00:00:00Z");
const entries = await collectEntries(path, now);
const results: StageRun[] = [];
for (let run = 0; run < runs; run++) results.push(await measureStages(path, now, entries));
process.stdout.write(`${JSON.stringify(results)}\n`);
