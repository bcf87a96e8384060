import { detachString } from "@logfeat/schema";
import { messageHash } from "./message-hash.js";
import {
  findVariableTokens,
  TEMPLATE_PLACEHOLDER,
  TokenRanges,
  templateFromTokens,
} from "./message-template.js";

/** A message template, kept once per distinct template, with its hash. */
export interface InternedTemplate {
  /** The template text (`messageTemplate` of the messages that have it). */
  readonly template: string;
  /** `messageHash(template)`. */
  readonly hash: string;
}

/** An interned template in its slot of the table (templates of one slot are chained). */
interface Bucket extends InternedTemplate {
  /** FNV-1a 32-bit hash of the template (`TokenRanges.templateHash`); its low bits pick the slot. */
  readonly templateHash: number;
  /**
   * The template's text between its placeholders (one more than the tokens
   * of the message that created the bucket), compared with a message's text
   * between its tokens by native `startsWith` rather than character by
   * character; null when the template has no placeholder.
   */
  readonly literals: readonly string[] | null;
  next: Bucket | null;
}

const PLACEHOLDER_LENGTH = TEMPLATE_PLACEHOLDER.length;
/** Slots of the table of templates without a placeholder (a power of two). */
const CONSTANT_SLOTS = 256;

/** The constant-template slot of a message: from its length and its first and last characters. */
function constantSlot(message: string): number {
  const length = message.length;
  if (length === 0) return 0;
  return (
    (length + 31 * message.charCodeAt(0) + 7 * message.charCodeAt(length - 1)) &
    (CONSTANT_SLOTS - 1)
  );
}

/** True when `template[offset, offset + end - start)` equals `message[start, end)`. */
function sameRange(
  template: string,
  offset: number,
  message: string,
  start: number,
  end: number,
): boolean {
  for (let index = start; index < end; index += 1)
    if (template.charCodeAt(offset + index - start) !== message.charCodeAt(index)) return false;
  return true;
}

/** The text of `template` (built from `tokens`) between its placeholders, or null without one. */
function literalsOf(template: string, tokens: TokenRanges): string[] | null {
  const count = tokens.count;
  if (count === 0) return null;
  const ranges = tokens.ranges;
  const literals: string[] = [];
  let offset = 0;
  let copied = 0;
  for (let range = 0; range < count; range += 1) {
    const start = ranges[range * 2] as number;
    literals.push(template.slice(offset, offset + start - copied));
    offset += start - copied + PLACEHOLDER_LENGTH;
    copied = ranges[range * 2 + 1] as number;
  }
  literals.push(template.slice(offset));
  return literals;
}

/**
 * The interned template of a message, found without building the template
 * text when it was seen before: the message's variable tokens are located,
 * the template's hash is computed in the same pass (the message with the
 * tokens read as `<*>`), and the template in that hash bucket is compared
 * with the message the same way. Only a new template is built, hashed (`messageHash`) and
 * stored. At most `capacity` templates are kept; beyond that the table
 * starts over (bounded memory; results do not change, only speed).
 */
export class TemplateInterner {
  /**
   * Buckets by the low bits of their template hash, chained: an array read
   * costs less than a `Map` lookup by number. At least twice `capacity` slots.
   */
  private readonly table: (Bucket | null)[];
  private readonly capacity: number;
  private size = 0;
  private readonly tokens = new TokenRanges();
  /**
   * Templates without a placeholder (messages with no variable token, such
   * as `"Request routed to upstream"`: a fifth of the lines of a typical
   * service log), one per slot of `constantSlot`: a message equal to the
   * template in its slot is its own template, found without scanning it.
   * The keys are the interned templates, so no input text is kept.
   */
  private readonly constants: (Bucket | null)[] = new Array<Bucket | null>(CONSTANT_SLOTS).fill(
    null,
  );

  /** `capacity`: distinct templates kept before the table starts over. */
  constructor(capacity: number) {
    this.capacity = capacity;
    let slots = 16;
    while (slots < capacity * 2) slots *= 2;
    this.table = new Array<Bucket | null>(slots).fill(null);
  }

  /** The interned template of `message` (its `messageTemplate` and that template's hash). */
  intern(message: string): InternedTemplate {
    findVariableTokens(message, this.tokens);
    return this.internScanned(message);
  }

  /**
   * `intern(message)`, or null when `message` holds a character that
   * `cleanMessage` removes (the scan that finds the tokens notices it): lets
   * the normalizer skip a separate cleaning pass over messages that are
   * already clean, which is nearly all of them.
   */
  internIfClean(message: string): InternedTemplate | null {
    const slot = constantSlot(message);
    const constant = this.constants[slot] as Bucket | null;
    if (constant !== null && constant.template === message) return constant;
    findVariableTokens(message, this.tokens);
    if (this.tokens.hasControlCharacter) return null;
    const interned = this.internScanned(message);
    if (this.tokens.count === 0) this.constants[slot] = interned;
    return interned;
  }

  /** The interned template of `message`, whose tokens are in `this.tokens`. */
  private internScanned(message: string): Bucket {
    const tokens = this.tokens;
    const hash = tokens.templateHash;
    const length = tokens.templateLength;
    const table = this.table;
    const slot = hash & (table.length - 1);
    for (let bucket = table[slot] as Bucket | null; bucket !== null; bucket = bucket.next)
      if (
        bucket.templateHash === hash &&
        bucket.template.length === length &&
        this.matches(bucket, message)
      )
        return bucket;
    // Kept for the whole run: detached so it does not pin the input chunk the message was cut from.
    const template = detachString(templateFromTokens(message, tokens));
    if (this.size >= this.capacity) {
      table.fill(null);
      this.size = 0;
    }
    const bucket: Bucket = {
      template,
      hash: messageHash(template),
      templateHash: hash,
      literals: literalsOf(template, tokens),
      next: table[slot] as Bucket | null,
    };
    table[slot] = bucket;
    this.size += 1;
    return bucket;
  }

  /**
   * True when `bucket` holds the template of `message`, whose tokens are in
   * `this.tokens`. First the quick test: the same number of tokens and the
   * same text between them as the message that created the bucket. A message
   * whose own text contains `<*>` (a template is its own template) may give
   * the same template with other tokens: then the template text is compared
   * with the message character by character.
   */
  private matches(bucket: Bucket, message: string): boolean {
    const literals = bucket.literals;
    const count = this.tokens.count;
    if (literals === null) {
      if (count === 0) return bucket.template === message;
    } else if (literals.length === count + 1 && this.sameLiterals(literals, message)) {
      return true;
    }
    return this.matchesText(bucket.template, message);
  }

  /** True when the text between the tokens of `message` is `literals`, in order. */
  private sameLiterals(literals: readonly string[], message: string): boolean {
    const count = this.tokens.count;
    const ranges = this.tokens.ranges;
    let copied = 0;
    for (let range = 0; range <= count; range += 1) {
      const start = range < count ? (ranges[range * 2] as number) : message.length;
      const literal = literals[range] as string;
      if (literal.length !== start - copied || !message.startsWith(literal, copied)) return false;
      if (range < count) copied = ranges[range * 2 + 1] as number;
    }
    return true;
  }

  /** True when `template` is the template of `message`, compared character by character. */
  private matchesText(template: string, message: string): boolean {
    const count = this.tokens.count;
    if (count === 0) return template === message;
    const ranges = this.tokens.ranges;
    let offset = 0;
    let copied = 0;
    for (let range = 0; range < count; range += 1) {
      const start = ranges[range * 2] as number;
      if (!sameRange(template, offset, message, copied, start)) return false;
      offset += start - copied;
      if (!template.startsWith(TEMPLATE_PLACEHOLDER, offset)) return false;
      offset += PLACEHOLDER_LENGTH;
      copied = ranges[range * 2 + 1] as number;
    }
    return sameRange(template, offset, message, copied, message.length);
  }
}
