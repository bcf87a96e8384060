import { existsSync, readdirSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** Root of the monorepo. */
export const REPO_ROOT: string = resolve(dirname(fileURLToPath(import.meta.url)), "../../..");

const candidate = process.env["LOGFEAT_REAL_DATA"] ?? resolve(REPO_ROOT, "../shared/data/real");

/**
 * Folder of the real public sample logs (`../shared/data/real` next to the
 * repo, or `$LOGFEAT_REAL_DATA`), or null when it is not there: tests that
 * read it use `describe.skipIf(REAL_DATA_DIR === null)` and say why.
 */
export const REAL_DATA_DIR: string | null = existsSync(candidate) ? candidate : null;

/** Why real-data tests are skipped, for the test title. */
export const REAL_DATA_SKIP_REASON = `real sample logs not found at ${candidate} (set LOGFEAT_REAL_DATA)`;

/** A log file of the real sample set. */
export interface RealDataFile {
  /** Absolute path. */
  path: string;
  /** Path relative to the real-data folder, e.g. `loghub/HDFS/HDFS_2k.log`. */
  name: string;
}

/**
 * Every data file of the real sample set (logs and structured CSVs; not
 * README/SOURCE/LICENSE files), sorted by name. Empty when the folder is absent.
 */
export function realDataFiles(): RealDataFile[] {
  if (REAL_DATA_DIR === null) return [];
  const root = REAL_DATA_DIR;
  const files: RealDataFile[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir)) {
      const path = join(dir, entry);
      if (statSync(path).isDirectory()) walk(path);
      else if (!/^(README|SOURCE|LICENSE)/.test(entry) && !entry.startsWith("."))
        files.push({ path, name: relative(root, path) });
    }
  };
  walk(root);
  return files.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** The loghub systems present in the sample set, e.g. `["Android", "Apache", ...]`. */
export function loghubSystems(): string[] {
  if (REAL_DATA_DIR === null) return [];
  const dir = join(REAL_DATA_DIR, "loghub");
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((entry) => statSync(join(dir, entry)).isDirectory())
    .sort();
}

export type { ReadmeExample } from "./readme-examples.js";
export { readmeExamples, runReadmeExample } from "./readme-examples.js";
export { describeReadmeExamples } from "./readme-tests.js";
