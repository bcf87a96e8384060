import { CORPUS_FORMATS, type CorpusFormat } from "./corpus-formats.js";
import { rawLimit } from "./raw-limit.js";

const [format, path] = process.argv.slice(2);
if (!CORPUS_FORMATS.includes(format as CorpusFormat) || path === undefined) {
  process.stderr.write(`usage: raw-limit-command.js <${CORPUS_FORMATS.join("|")}> <file>\n`);
  process.exit(2);
}
const counts = await rawLimit(format as CorpusFormat, path);
process.stdout.write(`${JSON.stringify(counts)}\n`);
