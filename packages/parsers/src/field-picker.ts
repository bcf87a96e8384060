import type { ParsedLog } from "@logfeat/schema";
import {
  ALIASED_FIELDS,
  type AliasedField,
  type AliasTable,
  OTEL_SEVERITY_NUMBER_ALIASES,
} from "./field-aliases.js";
import { setOwn } from "./own-property.js";

interface AliasEntry {
  readonly field: number;
  readonly priority: number;
  /** Remaining lower-case path segments below the top-level key; empty for a flat key. */
  readonly path: readonly string[];
  /** The alias as written in the table (reported as `duration_field` for nested matches). */
  readonly name: string;
  readonly otel: boolean;
}

const FIELD_COUNT = ALIASED_FIELDS.length;
const TIMESTAMP = ALIASED_FIELDS.indexOf("timestamp");
const LEVEL = ALIASED_FIELDS.indexOf("level");
const SERVICE = ALIASED_FIELDS.indexOf("service");
const MESSAGE = ALIASED_FIELDS.indexOf("message");
const DURATION = ALIASED_FIELDS.indexOf("duration");
const ERROR_CODE = ALIASED_FIELDS.indexOf("error_code");
const OTEL_PRIORITY = 1_000_000;
const KEY_CACHE_LIMIT = 4096;
/** Record shapes (key lists) whose plans are kept; beyond that the oldest is dropped. */
const PLAN_LIMIT = 32;

/** An alias that names one key of a record shape. */
interface Candidate {
  readonly key: string;
  readonly index: number;
  readonly entry: AliasEntry;
}

/** For one list of keys (a record shape): per field, the candidate keys in priority order. */
interface Plan {
  readonly keys: readonly string[];
  readonly candidates: readonly (readonly Candidate[])[];
}

function sameKeys(keys: readonly string[], other: readonly string[]): boolean {
  if (keys.length !== other.length) return false;
  for (let index = 0; index < keys.length; index += 1)
    if (keys[index] !== other[index]) return false;
  return true;
}

/** A string with a non-whitespace character, or a finite number. */
function isUsable(value: unknown): value is string | number {
  if (typeof value === "string") {
    // Empty first (so charCodeAt stays in bounds); a printable ASCII first character is not whitespace.
    if (value.length === 0) return false;
    const first = value.charCodeAt(0);
    if (first > 32 && first < 127) return true;
    return value.trim() !== "";
  }
  return typeof value === "number" && Number.isFinite(value);
}

/** Follows lower-case `path` from `value`, trying flat dotted keys before nesting (`{"service.name": x}`). */
function walk(value: unknown, path: readonly string[], from: number): unknown {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return undefined;
  const object = value as Record<string, unknown>;
  for (let end = path.length; end > from; end -= 1) {
    const wanted = path.slice(from, end).join(".");
    for (const key of Object.keys(object)) {
      if (key.toLowerCase() !== wanted) continue;
      const found = end === path.length ? object[key] : walk(object[key], path, end);
      if (found !== undefined) return found;
    }
  }
  return undefined;
}

/**
 * Maps the keys of a JSON object, CSV row or logfmt line onto ParsedLog
 * fields through an alias table: case-insensitive, dotted aliases matching a
 * flat key (`"service.name"`) or a path into nested objects; per field the
 * alias earliest in its list that has a usable value (a non-blank string or a
 * finite number) wins. Every key not used for a field is copied to `extra`
 * as it is (nested objects included).
 */
export class FieldPicker {
  private readonly byKey = new Map<string, AliasEntry[]>();
  private readonly keyCache = new Map<string, AliasEntry[] | null>();
  /** Plans of the record shapes seen last, the latest first. */
  private readonly plans: Plan[] = [{ keys: [], candidates: ALIASED_FIELDS.map(() => []) }];
  /** Per key index of the record being picked: 1 when a field took the key's value. */
  private consumed = new Uint8Array(16);
  /** True while `pick` runs: still true on entry when the last pick threw, leaving marks set. */
  private picking = false;

  /** `table`: the alias lists; `severity_number` (OTel) is always read as a last-resort level. */
  constructor(table: AliasTable) {
    ALIASED_FIELDS.forEach((field: AliasedField, fieldIndex) => {
      for (const [priority, name] of table[field].entries())
        this.add(name, fieldIndex, priority, false);
    });
    for (const [priority, name] of OTEL_SEVERITY_NUMBER_ALIASES.entries())
      this.add(name, LEVEL, OTEL_PRIORITY + priority, true);
  }

  private add(name: string, field: number, priority: number, otel: boolean): void {
    const lower = name.toLowerCase();
    this.push(lower, { field, priority, path: [], name, otel });
    const segments = lower.split(".");
    if (segments.length > 1 && segments.every((segment) => segment !== ""))
      this.push(segments[0] as string, { field, priority, path: segments.slice(1), name, otel });
  }

  private push(key: string, entry: AliasEntry): void {
    const list = this.byKey.get(key);
    if (list === undefined) this.byKey.set(key, [entry]);
    else list.push(entry);
  }

  private entriesFor(key: string): AliasEntry[] | null {
    const cached = this.keyCache.get(key);
    if (cached !== undefined) return cached;
    const entries = this.byKey.get(key.toLowerCase()) ?? null;
    if (this.keyCache.size < KEY_CACHE_LIMIT) this.keyCache.set(key, entries);
    return entries;
  }

  /**
   * The plan for a list of keys: kept per record shape, so records whose
   * shapes alternate (an optional key present or not) reuse their plans.
   */
  private planFor(keys: readonly string[]): Plan {
    const plans = this.plans;
    const latest = plans[0] as Plan;
    if (sameKeys(keys, latest.keys)) return latest;
    for (let index = 1; index < plans.length; index += 1) {
      const plan = plans[index] as Plan;
      if (sameKeys(keys, plan.keys)) {
        plans[index] = latest;
        plans[0] = plan;
        return plan;
      }
    }
    const candidates: Candidate[][] = ALIASED_FIELDS.map(() => []);
    keys.forEach((key, index) => {
      for (const entry of this.entriesFor(key) ?? [])
        candidates[entry.field]?.push({ key, index, entry });
    });
    for (const list of candidates)
      list.sort((a, b) => a.entry.priority - b.entry.priority || a.index - b.index);
    const plan: Plan = { keys, candidates };
    if (plans.length >= PLAN_LIMIT) plans.pop();
    plans.unshift(plan);
    return plan;
  }

  /** Fills `parsed`'s fields and `extra` from `payload`. */
  pick(payload: Readonly<Record<string, unknown>>, parsed: ParsedLog): void {
    const keys = Object.keys(payload);
    const { candidates } = this.planFor(keys);
    if (this.consumed.length < keys.length) this.consumed = new Uint8Array(keys.length * 2);
    else if (this.picking) this.consumed.fill(0);
    this.picking = true;
    const consumed = this.consumed;
    for (let field = 0; field < FIELD_COUNT; field += 1) {
      const list = candidates[field] as readonly Candidate[];
      for (let index = 0; index < list.length; index += 1) {
        const candidate = list[index] as Candidate;
        const entry = candidate.entry;
        const flat = entry.path.length === 0;
        const value = flat ? payload[candidate.key] : walk(payload[candidate.key], entry.path, 0);
        if (!isUsable(value)) continue;
        if (flat) consumed[candidate.index] = 1;
        if (field === TIMESTAMP) parsed.timestamp = value;
        else if (field === LEVEL) {
          parsed.level = value;
          if (entry.otel) parsed.level_scheme = "otel";
        } else if (field === SERVICE)
          parsed.service = typeof value === "string" ? value : String(value);
        else if (field === MESSAGE)
          parsed.message = typeof value === "string" ? value : String(value);
        else if (field === DURATION) {
          parsed.duration = value;
          parsed.duration_field = flat ? candidate.key : entry.name;
        } else if (field === ERROR_CODE) parsed.error_code = value;
        else parsed.request_id = value;
        break;
      }
    }
    const extra = parsed.extra;
    for (let index = 0; index < keys.length; index += 1) {
      if (consumed[index] === 1) {
        consumed[index] = 0;
        continue;
      }
      const key = keys[index] as string;
      setOwn(extra, key, payload[key]);
    }
    this.picking = false;
  }
}
