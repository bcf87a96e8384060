import { detachString } from "@logfeat/schema";
import { messageHash } from "./message-hash.js";
import { findVariableTokens, TokenRanges, templateFromTokens } from "./message-template.js";
import { isPrintableAscii } from "./normalize-message.js";

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
   * The template's UTF-16 code units two at a time (as `TokenRanges.templateWords`
   * holds them; the unit after an odd-length template is 0).
   */
  readonly words: Uint32Array;
  next: Bucket | null;
}

/** Slots of the table of templates without a placeholder (a power of two). */
const CONSTANT_SLOTS = 256;

/** The constant-template slot of a message: from its length and its first and last characters. */
function constantSlot(length: number, first: number, last: number): number {
  return (length + 31 * first + 7 * last) & (CONSTANT_SLOTS - 1);
}

/**
 * True when `bucket` holds the template whose `length` code units are in
 * `scanned` (`TokenRanges.templateWords`): two code units per comparison,
 * typed-array reads with no string dispatch. Comparing the message's text
 * between its tokens with the template's instead (native `startsWith` per
 * piece) cost about 60 ns more per message on the 1M text corpus.
 */
function sameTemplate(bucket: Bucket, scanned: Uint32Array, length: number): boolean {
  if (bucket.template.length !== length) return false;
  const words = bucket.words;
  for (let index = 0; index < words.length; index += 1)
    if (words[index] !== scanned[index]) return false;
  return true;
}

/**
 * The interned template of a message, found without building the template
 * text when it was seen before: the message's variable tokens are located,
 * and the template's code units and hash are written in the same pass (the
 * message with the tokens read as `<*>`); the templates in that hash bucket
 * are compared with those code units. Only a new template is built, hashed
 * (`messageHash`) and stored. At most `capacity` templates are kept; beyond that the table
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
   * `intern(message)`, or null when cleaning might change `message`: it does
   * not start and end with a printable ASCII character other than space
   * (`""` included), or it holds a character that `cleanMessage` removes
   * (the scan that finds the tokens notices it). Lets the normalizer skip a
   * separate cleaning pass over messages that are already clean, which is
   * nearly all of them; the end characters are read once, for this test and
   * for the constant-template slot.
   */
  internIfClean(message: string): InternedTemplate | null {
    const length = message.length;
    if (length === 0) return null;
    const first = message.charCodeAt(0);
    const last = message.charCodeAt(length - 1);
    if (!isPrintableAscii(first) || !isPrintableAscii(last)) return null;
    const slot = constantSlot(length, first, last);
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
    const scanned = tokens.templateWords;
    const table = this.table;
    const slot = hash & (table.length - 1);
    for (let bucket = table[slot] as Bucket | null; bucket !== null; bucket = bucket.next)
      if (bucket.templateHash === hash && sameTemplate(bucket, scanned, length)) return bucket;
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
      words: scanned.slice(0, (length + 1) >> 1),
      next: table[slot] as Bucket | null,
    };
    table[slot] = bucket;
    this.size += 1;
    return bucket;
  }
}
