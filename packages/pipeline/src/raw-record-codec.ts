import type { RawRecord } from "@logfeat/schema";

/** Text records of one source: payloads concatenated, with where each ends and its line. */
interface EncodedTextRecords {
  readonly kind: "text";
  readonly source: string;
  readonly payloads: string;
  readonly ends: Int32Array;
  readonly lines: Float64Array;
}

/**
 * JSON or CSV records of one source whose payload values are all strings,
 * numbers, booleans or null: per record its key list (`shapes`, reused while
 * consecutive records have the same keys in the same order) and per value a
 * type, strings concatenated (`strings`, `stringEnds`), numbers in a
 * Float64Array (exact: -0 and Infinity survive).
 */
interface EncodedFieldRecords {
  readonly kind: "fields";
  readonly format: "json" | "csv";
  readonly source: string;
  readonly lines: Float64Array;
  readonly shapes: readonly (readonly string[])[];
  readonly shapeOf: Int32Array;
  readonly types: Uint8Array;
  readonly strings: string;
  readonly stringEnds: Int32Array;
  readonly numbers: Float64Array;
}

/** Records sent as they are (structured clone): nested values, several sources or formats. */
interface PlainRecords {
  readonly kind: "plain";
  readonly records: readonly RawRecord[];
}

/**
 * A chunk of RawRecords in the form that crosses worker_threads cheaply:
 * a few strings and typed arrays (whose buffers are transferred) instead of
 * one cloned object per record. `decodeRawRecords` gives back records equal
 * to the encoded ones (same keys in the same order, same values).
 */
export type EncodedRecords = EncodedTextRecords | EncodedFieldRecords | PlainRecords;

const STRING = 0;
const NUMBER = 1;
const TRUE = 2;
const FALSE = 3;
const NULL = 4;

/** The buffers of an encoding's typed arrays, for `postMessage`'s transfer list. */
export function transferablesOf(encoded: EncodedRecords): ArrayBuffer[] {
  if (encoded.kind === "text") return [encoded.ends.buffer, encoded.lines.buffer] as ArrayBuffer[];
  if (encoded.kind === "plain") return [];
  return [
    encoded.lines.buffer,
    encoded.shapeOf.buffer,
    encoded.types.buffer,
    encoded.stringEnds.buffer,
    encoded.numbers.buffer,
  ] as ArrayBuffer[];
}

function encodeText(records: readonly RawRecord[], source: string): EncodedRecords {
  const count = records.length;
  const payloads: string[] = new Array(count);
  const ends = new Int32Array(count);
  const lines = new Float64Array(count);
  let length = 0;
  for (let index = 0; index < count; index += 1) {
    const record = records[index] as RawRecord;
    const payload = record.payload;
    if (record.source !== source || record.format !== "text" || typeof payload !== "string")
      return { kind: "plain", records };
    payloads[index] = payload;
    length += payload.length;
    ends[index] = length;
    lines[index] = record.line;
  }
  return { kind: "text", source, payloads: payloads.join(""), ends, lines };
}

function sameKeys(keys: readonly string[], other: readonly string[] | undefined): boolean {
  if (other === undefined || keys.length !== other.length) return false;
  for (let index = 0; index < keys.length; index += 1)
    if (keys[index] !== other[index]) return false;
  return true;
}

function encodeFields(
  records: readonly RawRecord[],
  source: string,
  format: "json" | "csv",
): EncodedRecords {
  const count = records.length;
  const lines = new Float64Array(count);
  const shapeOf = new Int32Array(count);
  const shapes: string[][] = [];
  const types: number[] = [];
  const strings: string[] = [];
  const stringEnds: number[] = [];
  const numbers: number[] = [];
  let stringLength = 0;
  let shape: string[] | undefined;
  for (let index = 0; index < count; index += 1) {
    const record = records[index] as RawRecord;
    const payload = record.payload as Record<string, unknown>;
    if (record.source !== source || record.format !== format) return { kind: "plain", records };
    lines[index] = record.line;
    const keys = Object.keys(payload);
    if (!sameKeys(keys, shape)) {
      shape = keys;
      shapes.push(keys);
    }
    shapeOf[index] = shapes.length - 1;
    for (const key of keys) {
      const value = payload[key];
      if (typeof value === "string") {
        types.push(STRING);
        strings.push(value);
        stringLength += value.length;
        stringEnds.push(stringLength);
      } else if (typeof value === "number") {
        types.push(NUMBER);
        numbers.push(value);
      } else if (value === true) types.push(TRUE);
      else if (value === false) types.push(FALSE);
      else if (value === null) types.push(NULL);
      else return { kind: "plain", records };
    }
  }
  return {
    kind: "fields",
    format,
    source,
    lines,
    shapes,
    shapeOf,
    types: Uint8Array.from(types),
    strings: strings.join(""),
    stringEnds: Int32Array.from(stringEnds),
    numbers: Float64Array.from(numbers),
  };
}

/**
 * Encodes a chunk of records (see `EncodedRecords`). A chunk that mixes
 * sources or formats, or holds nested JSON values, is sent as it is.
 */
export function encodeRawRecords(records: readonly RawRecord[]): EncodedRecords {
  const first = records[0];
  if (first === undefined) return { kind: "plain", records };
  if (first.format === "text") return encodeText(records, first.source);
  return encodeFields(records, first.source, first.format);
}

function setValue(payload: Record<string, unknown>, key: string, value: unknown): void {
  if (key === "__proto__")
    Object.defineProperty(payload, key, {
      value,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  else payload[key] = value;
}

function decodeFields(encoded: EncodedFieldRecords): RawRecord[] {
  const { source, format, lines, shapes, shapeOf, types, strings, stringEnds, numbers } = encoded;
  const records: RawRecord[] = new Array(lines.length);
  let typeIndex = 0;
  let stringIndex = 0;
  let stringStart = 0;
  let numberIndex = 0;
  for (let index = 0; index < lines.length; index += 1) {
    const keys = shapes[shapeOf[index] as number] as readonly string[];
    const payload: Record<string, unknown> = {};
    for (const key of keys) {
      const type = types[typeIndex] as number;
      typeIndex += 1;
      let value: unknown;
      if (type === STRING) {
        const end = stringEnds[stringIndex] as number;
        value = strings.slice(stringStart, end);
        stringStart = end;
        stringIndex += 1;
      } else if (type === NUMBER) {
        value = numbers[numberIndex];
        numberIndex += 1;
      } else value = type === TRUE ? true : type === FALSE ? false : null;
      setValue(payload, key, value);
    }
    records[index] = {
      source,
      line: lines[index] as number,
      format,
      payload,
    } as RawRecord;
  }
  return records;
}

/** The records of an encoded chunk (equal to the records that were encoded). */
export function decodeRawRecords(encoded: EncodedRecords): RawRecord[] {
  if (encoded.kind === "plain") return encoded.records as RawRecord[];
  if (encoded.kind === "fields") return decodeFields(encoded);
  const { source, payloads, ends, lines } = encoded;
  const records: RawRecord[] = new Array(ends.length);
  let start = 0;
  for (let index = 0; index < ends.length; index += 1) {
    const end = ends[index] as number;
    records[index] = {
      source,
      line: lines[index] as number,
      format: "text",
      payload: payloads.slice(start, end),
    };
    start = end;
  }
  return records;
}
