import { writeFileSync } from "node:fs";
import { CORPUS_FORMATS, type CorpusFormat } from "./corpus-formats.js";
import { runDuckdbAggregation } from "./duckdb-run.js";

const [format, path, out] = process.argv.slice(2);
if (!CORPUS_FORMATS.includes(format as CorpusFormat) || path === undefined) {
  process.stderr.write(
    `usage: duckdb-command.js <${CORPUS_FORMATS.join("|")}> <file> [rows.jsonl]\n`,
  );
  process.exit(2);
}
const rows = await runDuckdbAggregation(format as CorpusFormat, path);
const totalEvents = rows.reduce((sum, row) => sum + Number(row["total_events"]), 0);
if (out !== undefined) writeFileSync(out, rows.map((row) => `${JSON.stringify(row)}\n`).join(""));
process.stdout.write(`${JSON.stringify({ windows: rows.length, totalEvents })}\n`);
