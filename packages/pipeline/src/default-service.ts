import { basename } from "node:path";
import { normalizeService } from "@logfeat/normalizers";

const LOG_EXTENSIONS = /(\.(log|txt|json|jsonl|ndjson|csv|tsv|out))?(\.gz)?$/i;

/**
 * The default service for records that carry none: the input file's base name
 * without its log extensions (`/var/log/HDFS_2k.log.gz` -> `hdfs_2k`),
 * sanitized like any service (`normalizeService`). `"stdin"` for standard
 * input. Null when nothing usable is left (service-less records are then skipped).
 */
export function defaultServiceFor(inputName: string): string | null {
  if (inputName === "-" || inputName === "<stdin>") return "stdin";
  return normalizeService(basename(inputName).replace(LOG_EXTENSIONS, ""));
}
