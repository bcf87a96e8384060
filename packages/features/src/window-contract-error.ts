import { type Diagnostic, LogfeatError } from "@logfeat/schema";

/**
 * Thrown by the single-window functions (`extractFeatures`,
 * `extractCountFeatures`, ...) for a window that breaks the contract (mixed
 * services, a log outside the window, a summary that disagrees with its logs,
 * ...). `code` is the diagnostic code (`mixed_services`, `log_outside_window`,
 * ...) and `diagnostic` the full Diagnostic that `extractFeaturesFromWindows`
 * would have recorded for the same window instead of throwing.
 */
export class WindowContractError extends LogfeatError {
  override name = "WindowContractError";
  /** The diagnostic code, e.g. `"mixed_services"`. */
  readonly code: string;
  /** The diagnostic describing the problem (stage `"features"`). */
  readonly diagnostic: Diagnostic;

  constructor(diagnostic: Diagnostic) {
    super(`Window breaks the contract (${diagnostic.code}): ${diagnostic.message}`);
    this.code = diagnostic.code;
    this.diagnostic = diagnostic;
  }
}
