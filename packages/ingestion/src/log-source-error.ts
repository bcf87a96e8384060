import { LogfeatError, type LogfeatErrorOptions } from "@logfeat/schema";

/**
 * A log file that cannot be read: missing (`ENOENT`), a directory
 * (`EISDIR`), not readable (`EACCES`), or an I/O failure while reading. The
 * message names the path; `code` is the system error code.
 */
export class LogSourceError extends LogfeatError {
  override name = "LogSourceError";
  /** The path as given. */
  readonly path: string;
  /** The system error code (`ENOENT`, `EISDIR`, `EACCES`, `EIO`...), or `"EUNKNOWN"`. */
  readonly code: string;

  constructor(path: string, code: string, detail: string, options: LogfeatErrorOptions = {}) {
    super(`Cannot read log file ${JSON.stringify(path)}: ${code}: ${detail}`, options);
    this.path = path;
    this.code = code;
  }

  /** Wraps a Node file-system error for `path`. */
  static fromSystemError(path: string, error: unknown): LogSourceError {
    const system = error as { code?: unknown; message?: unknown };
    const code = typeof system.code === "string" ? system.code : "EUNKNOWN";
    const message = typeof system.message === "string" ? system.message : String(error);
    const detail = message.startsWith(`${code}: `) ? message.slice(code.length + 2) : message;
    return new LogSourceError(path, code, detail, { cause: error });
  }
}
