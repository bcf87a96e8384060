import { z } from "zod";

/** Input formats a RawRecord can come from. */
export const RECORD_FORMATS = ["text", "json", "csv"] as const;

/** `"text" | "json" | "csv"`. */
export const RecordFormatSchema = z.enum(RECORD_FORMATS);

/** The format of one RawRecord. */
export type RecordFormat = z.infer<typeof RecordFormatSchema>;

const recordOrigin = {
  /** File name as given, or `"<stdin>"`, or `"<memory>"` for in-memory input. */
  source: z.string(),
  /** 1-based line number where the record starts in its source. */
  line: z.number().int().min(1),
};

/** A text record: one line (plus joined continuation lines), without its line ending. */
export const TextRawRecordSchema = z.object({
  ...recordOrigin,
  format: z.literal("text"),
  payload: z.string(),
});

/** A JSON record: one JSON object (a JSON Lines line or an element of a top-level array). */
export const JsonRawRecordSchema = z.object({
  ...recordOrigin,
  format: z.literal("json"),
  payload: z.record(z.string(), z.unknown()),
});

/** A CSV record: one row as header -> cell text. */
export const CsvRawRecordSchema = z.object({
  ...recordOrigin,
  format: z.literal("csv"),
  payload: z.record(z.string(), z.string()),
});

/** What ingestion yields: one record of a source, tagged with its format. */
export const RawRecordSchema = z.discriminatedUnion("format", [
  TextRawRecordSchema,
  JsonRawRecordSchema,
  CsvRawRecordSchema,
]);

/** One raw record; `payload` is a string (text), an object (json) or a string map (csv). */
export type RawRecord = z.infer<typeof RawRecordSchema>;
/** A RawRecord of format `"text"`. */
export type TextRawRecord = z.infer<typeof TextRawRecordSchema>;
/** A RawRecord of format `"json"`. */
export type JsonRawRecord = z.infer<typeof JsonRawRecordSchema>;
/** A RawRecord of format `"csv"`. */
export type CsvRawRecord = z.infer<typeof CsvRawRecordSchema>;
