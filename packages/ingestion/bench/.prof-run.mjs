import { ingestLogs } from "@logfeat/ingestion";

const [path, format, reps = "3"] = process.argv.slice(2);
for (let r = 0; r < Number(reps); r++) {
  const t = performance.now();
  let n = 0;
  for await (const c of ingestLogs(path, { format }).chunks()) n += c.length;
  console.log(format, n, (performance.now() - t).toFixed(0), "ms");
}
