import { z } from "zod";
import { LevelSchemeSchema } from "./log-level.js";
import { RecordFormatSchema } from "./raw-record.js";

const scalar = z.union([z.string(), z.number()]);

/**
 * What a parser extracted from one RawRecord: strings and numbers as found,
 * not yet validated (that is the normalizers' job). Every field but `source`,
 * `line` and `extra` is optional.
 *
 * - `timestamp`: text as found (ISO, syslog, Apache, naive, ...) or an epoch number.
 *   Parsers that apply a date pattern (loghub templates) rewrite it to ISO
 *   (`2008-11-09T20:36:15` naive) or, when the pattern has no year, to `MM-dd HH:mm:ss.SSS`.
 * - `duration` with `duration_field`: the value and the field name it came from, so the
 *   normalizers can take the unit the name says (`latency_ms`, `event.duration` ns, ...).
 * - `level_scheme`: the numeric level scheme implied by the source (a syslog `<PRI>` ->
 *   `"syslog"`, an OTel `severity_number` -> `"otel"`); an explicit option wins.
 * - `extra`: every other field, JSON-compatible values.
 */
export const ParsedLogSchema = z.object({
  source: z.string(),
  line: z.number().int().min(1),
  format: RecordFormatSchema,
  timestamp: scalar.optional(),
  level: scalar.optional(),
  service: z.string().optional(),
  message: z.string().optional(),
  duration: scalar.optional(),
  duration_field: z.string().optional(),
  error_code: scalar.optional(),
  request_id: scalar.optional(),
  level_scheme: LevelSchemeSchema.optional(),
  extra: z.record(z.string(), z.unknown()),
});

/** Fields extracted by a parser; see `ParsedLogSchema`. */
export type ParsedLog = z.infer<typeof ParsedLogSchema>;
