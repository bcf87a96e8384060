export type { NoteCode, SkipCode } from "./diagnostic-codes.js";
export { NOTE_CODES, SKIP_CODES } from "./diagnostic-codes.js";
export { DURATION_UNITS, FIELD_NAME_UNITS, FIELD_UNIT_EXCEPTIONS } from "./duration-units.js";
export { LEVEL_NAMES, NUMERIC_LEVELS } from "./level-table.js";
export { messageHash } from "./message-hash.js";
export { messageTemplate, TEMPLATE_PLACEHOLDER } from "./message-template.js";
export { normalizeDuration } from "./normalize-duration.js";
export {
  MAX_ERROR_CODE_LENGTH,
  MAX_REQUEST_ID_LENGTH,
  normalizeErrorCode,
  normalizeRequestId,
} from "./normalize-identifiers.js";
export type { LevelOptions } from "./normalize-level.js";
export { normalizeLevel } from "./normalize-level.js";
export type { NormalizedMessage } from "./normalize-message.js";
export { normalizeMessage } from "./normalize-message.js";
export { MAX_SERVICE_LENGTH, normalizeService } from "./normalize-service.js";
export { normalizeTimestamp } from "./normalize-timestamp.js";
export type { NormalizeResult, Normalizer } from "./normalizer.js";
export { createNormalizer, normalizeLog, normalizeLogs } from "./normalizer.js";
export type {
  MessageHashMode,
  NormalizerDefaults,
  NormalizerOptions,
  TimestampOptions,
} from "./options.js";
export { DEFAULT_MAX_MESSAGE_LENGTH } from "./options.js";
