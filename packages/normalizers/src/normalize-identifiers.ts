import { hasPrintableEnds } from "./normalize-message.js";

/** Longest error code kept (SPEC section 4). */
export const MAX_ERROR_CODE_LENGTH = 128;
/** Longest request id kept (SPEC section 4). */
export const MAX_REQUEST_ID_LENGTH = 256;

function identifier(value: unknown, maxLength: number): string | null {
  let text: string;
  // Printable ASCII at both ends (the common case) means nothing to trim: skip the call.
  if (typeof value === "string") text = hasPrintableEnds(value) ? value : value.trim();
  else if (typeof value === "number" && Number.isFinite(value)) text = String(value);
  else return null;
  return text.length >= 1 && text.length <= maxLength ? text : null;
}

/**
 * An error code -> trimmed text of 1..128 characters, or null (empty, too
 * long, not a string or finite number). Numbers become their decimal text
 * (`503` -> `"503"`).
 */
export function normalizeErrorCode(value: unknown): string | null {
  return identifier(value, MAX_ERROR_CODE_LENGTH);
}

/**
 * A request id -> trimmed text of 1..256 characters, or null (empty, too
 * long, not a string or finite number).
 */
export function normalizeRequestId(value: unknown): string | null {
  return identifier(value, MAX_REQUEST_ID_LENGTH);
}
