import { createReadStream } from "node:fs";
import Papa from "papaparse";

const path = process.argv[2];
for (let r = 0; r < 3; r++) {
  const t = performance.now();
  const n = await new Promise((resolve, reject) => {
    let count = 0;
    Papa.parse(createReadStream(path), {
      header: true,
      skipEmptyLines: true,
      chunk: (res) => {
        count += res.data.length;
      },
      complete: () => resolve(count),
      error: reject,
    });
  });
  console.log("papaparse raw", n, (performance.now() - t).toFixed(0), "ms");
}
