/**
 * Severity words recognised at the start of a syslog message (`error: ...`,
 * `[WARN] ...`, `CRIT ...`), any case. Detection only: the word is passed on
 * as found and the normalizers map it.
 */
const LEADING_LEVEL_WORD =
  /^\[?(trace|debug|info|notice|warn|warning|error|err|crit|critical|fatal|alert|emerg|emergency|panic|severe)\]?(?::|\s|$)/i;

/** The severity word a message starts with (without brackets or colon), or undefined. */
export function leadingLevelWord(message: string): string | undefined {
  return LEADING_LEVEL_WORD.exec(message)?.[1];
}
