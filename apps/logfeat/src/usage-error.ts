/**
 * A mistake on the command line (unknown flag, bad value, missing file):
 * printed as one line `logfeat: <message>` and exit code 2.
 */
export class UsageError extends Error {
  override name = "UsageError";
}

/** Exit codes of the CLI. */
export const EXIT = {
  ok: 0,
  /** `--strict` and some record was skipped. */
  dataQuality: 1,
  /** Bad flag, bad option value, unreadable input. */
  usage: 2,
  /** A bug: an error that is neither a usage error nor bad data. */
  internal: 3,
} as const;
