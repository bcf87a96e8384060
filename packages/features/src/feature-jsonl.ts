import {
  decodeFeatureVector,
  encodeFeatureVector,
  type FeatureVector,
  SchemaValidationError,
} from "@logfeat/schema";
import { z } from "zod";

/**
 * One FeatureVector as one JSON line (SPEC section 8): keys in contract order
 * (`encodeFeatureVector`), `window_start` ISO 8601 UTC with milliseconds,
 * numbers as JSON numbers (exact round trip), nulls as `null`, metadata as
 * given. No trailing newline.
 */
export function featureToJsonLine(vector: FeatureVector): string {
  return JSON.stringify(encodeFeatureVector(vector));
}

/**
 * FeatureVectors as JSON Lines, in the order given (sort first if you need
 * the CSV order), each line ending with `\n`; `""` for no vectors.
 */
export function featuresToJsonl(features: Iterable<FeatureVector>): string {
  let text = "";
  for (const vector of features) text += `${featureToJsonLine(vector)}\n`;
  return text;
}

/**
 * Reads JSON Lines of FeatureVectors back through the schema codec
 * (`decodeFeatureVector`). Lines may end with `\n` or `\r\n`; blank lines are
 * ignored. A line that is not JSON or not a valid FeatureVector throws
 * SchemaValidationError naming the 1-based line number and, for schema
 * problems, the field (`path`, e.g. `error_rate` or `metadata.window_end`).
 */
export function parseFeaturesJsonl(text: string): FeatureVector[] {
  if (typeof text !== "string")
    throw new SchemaValidationError(
      "FeatureVector JSONL",
      "",
      `expected text, received ${typeof text}`,
    );
  const vectors: FeatureVector[] = [];
  const lines = text.split("\n");
  for (let index = 0; index < lines.length; index += 1) {
    const line = (lines[index] as string).trim();
    if (line === "") continue;
    const what = `FeatureVector on line ${index + 1}`;
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch (error) {
      throw new SchemaValidationError(what, "", `not valid JSON (${(error as Error).message})`, {
        cause: error,
      });
    }
    try {
      vectors.push(decodeFeatureVector(json));
    } catch (error) {
      if (error instanceof z.ZodError) throw SchemaValidationError.fromZodError(error, what);
      throw error;
    }
  }
  return vectors;
}
