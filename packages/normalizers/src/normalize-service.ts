/** Longest service name (SPEC section 4). */
export const MAX_SERVICE_LENGTH = 128;

function isServiceCharacter(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 48 && code <= 57) || code === 95 || code === 45;
}

function isCanonicalService(text: string): boolean {
  const length = text.length;
  if (length === 0 || length > MAX_SERVICE_LENGTH) return false;
  if (text.charCodeAt(0) === 45 || text.charCodeAt(length - 1) === 45) return false;
  for (let index = 0; index < length; index += 1)
    if (!isServiceCharacter(text.charCodeAt(index))) return false;
  return true;
}

/**
 * A canonical service name (SPEC section 4): lower-cased; every run of
 * characters outside `[a-z0-9_-]` becomes one `-` (a `-` already present is
 * kept, so `"a - b"` gives `"a---b"`); leading and trailing `-` removed; cut to
 * 128 characters (and trailing `-` removed again). Returns null when nothing
 * is left or `value` is not a string.
 * `dfs.DataNode$PacketResponder` -> `dfs-datanode-packetresponder`,
 * `"  API Server "` -> `api-server`, `***` -> null.
 */
export function normalizeService(value: unknown): string | null {
  if (typeof value !== "string") return null;
  if (isCanonicalService(value)) return value;
  let service = value
    .toLowerCase()
    .replace(/[^a-z0-9_-]+/g, "-")
    .replace(/^-+|-+$/g, "");
  if (service.length > MAX_SERVICE_LENGTH)
    service = service.slice(0, MAX_SERVICE_LENGTH).replace(/-+$/, "");
  return service === "" ? null : service;
}
