import { Temporal } from "temporal-polyfill";

const HOUR_MS = 3_600_000;
const MAX_CACHED_HOURS = 100_000;
/** Marks a local hour that contains an offset change: such hours are resolved per value. */
const MIXED_HOUR = Number.NaN;

/**
 * Converts naive local date-times of one IANA time zone to UTC. The UTC offset
 * is computed with Temporal once per local hour and cached, so the hot path
 * does no Temporal work: a naive value costs one `Map` lookup (none when the
 * previous value fell in the same hour). DST gaps resolve forward and overlaps
 * to the earlier instant (Temporal's `"compatible"`). An hour whose offset is
 * not the same at its start and its end (a zone that changes offset at a
 * half hour) is resolved with Temporal for each value.
 */
export class ZoneOffsets {
  /** Canonical zone id, e.g. `"Europe/Berlin"` or `"UTC"`. */
  readonly timeZone: string;
  private readonly isUtc: boolean;
  private readonly offsetsByHour = new Map<number, number>();
  private lastHour = Number.NaN;
  private lastOffset = 0;

  constructor(timeZone: string) {
    this.timeZone = timeZone;
    this.isUtc = timeZone === "UTC";
  }

  /**
   * UTC epoch milliseconds of a local wall-clock time given as
   * `Date.UTC(fields)` of the local fields (`localMillis`).
   */
  toUtc(localMillis: number): number {
    if (this.isUtc) return localMillis;
    const hour = Math.floor(localMillis / HOUR_MS);
    if (hour === this.lastHour) return localMillis - this.lastOffset;
    let offset = this.offsetsByHour.get(hour);
    if (offset === undefined) {
      offset = this.hourOffset(hour);
      if (this.offsetsByHour.size >= MAX_CACHED_HOURS) this.offsetsByHour.clear();
      this.offsetsByHour.set(hour, offset);
    }
    if (Number.isNaN(offset)) return this.resolveExactly(localMillis);
    this.lastHour = hour;
    this.lastOffset = offset;
    return localMillis - offset;
  }

  private hourOffset(hour: number): number {
    const start = hour * HOUR_MS;
    const end = start + HOUR_MS - 1;
    const startOffset = start - this.resolveExactly(start);
    const endOffset = end - this.resolveExactly(end);
    return startOffset === endOffset ? startOffset : MIXED_HOUR;
  }

  private resolveExactly(localMillis: number): number {
    const local = new Date(localMillis);
    const plain = new Temporal.PlainDateTime(
      local.getUTCFullYear(),
      local.getUTCMonth() + 1,
      local.getUTCDate(),
      local.getUTCHours(),
      local.getUTCMinutes(),
      local.getUTCSeconds(),
      local.getUTCMilliseconds(),
    );
    return plain.toZonedDateTime(this.timeZone, { disambiguation: "compatible" }).epochMilliseconds;
  }
}

const zonesById = new Map<string, ZoneOffsets>();

/**
 * The shared ZoneOffsets of a time zone (IANA name such as `"Europe/Berlin"`,
 * `"UTC"`, or a fixed offset such as `"+05:30"`; case-insensitive), or null
 * when Temporal does not know the zone. Instances are cached per name.
 */
export function zoneOffsets(timeZone: string): ZoneOffsets | null {
  const cached = zonesById.get(timeZone);
  if (cached !== undefined) return cached;
  let canonical: string;
  try {
    canonical = new Temporal.PlainDateTime(2000, 1, 1).toZonedDateTime(timeZone).timeZoneId;
  } catch {
    return null;
  }
  const zone = zonesById.get(canonical) ?? new ZoneOffsets(canonical);
  zonesById.set(canonical, zone);
  zonesById.set(timeZone, zone);
  return zone;
}
