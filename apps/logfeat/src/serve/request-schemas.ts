import { MAX_WINDOW_SIZE_SECONDS, ServiceNameSchema } from "@logfeat/schema";
import { z } from "zod";
import { INPUT_FORMATS } from "./api-types.js";

/** Most logs `GET /api/window` returns in one answer (`limit`'s maximum and default). */
export const MAX_WINDOW_LOGS = 2000;

const windowSize = z.coerce
  .number({ error: "expected a whole number of seconds" })
  .int("expected a whole number of seconds")
  .min(1, "expected at least 1 second")
  .max(MAX_WINDOW_SIZE_SECONDS, `expected at most ${MAX_WINDOW_SIZE_SECONDS} seconds (31 days)`);

/** Run options the page may set; all optional (missing ones keep the server's defaults). */
const runOptionFields = {
  format: z.enum(INPUT_FORMATS).optional(),
  layout: z.string().trim().min(1, "must not be empty").max(1000).optional(),
  windowSize: windowSize.optional(),
  timeZone: z.string().trim().min(1, "must not be empty").max(100).optional(),
};

/** Body of `POST /api/options`: new run options for the current input. */
export const OptionsBodySchema = z.strictObject(runOptionFields);

/** Query of `POST /api/upload`: the file's name and the run options. */
export const UploadQuerySchema = z.strictObject({
  name: z
    .string()
    .min(1, "must not be empty")
    .max(255, "must be at most 255 characters")
    .refine((name) => !/[/\\\0]/.test(name), "must be a file name, not a path"),
  /** The file's modification time (year-less timestamps are read against it). */
  modified: z.iso.datetime({ offset: true, error: "expected an ISO 8601 instant" }).optional(),
  ...runOptionFields,
});

/** Query of `GET /api/window`: which window, and which page of its logs. */
export const WindowQuerySchema = z.strictObject({
  service: ServiceNameSchema,
  start: z.iso.datetime({ offset: true, error: "expected an ISO 8601 instant" }),
  offset: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(MAX_WINDOW_LOGS).default(MAX_WINDOW_LOGS),
});

/** The run options a request may carry. */
export type RunOptionsRequest = z.infer<typeof OptionsBodySchema>;

/**
 * The first problem of a failed parse as one line: `service: must not be
 * empty` (the field, then zod's message).
 */
export function describeZodError(error: z.ZodError): string {
  const issue = error.issues[0];
  if (issue === undefined) return "invalid request";
  const where = issue.path.map(String).join(".");
  return where === "" ? issue.message : `${where}: ${issue.message}`;
}
