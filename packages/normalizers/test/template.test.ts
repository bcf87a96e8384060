import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { messageHash, messageTemplate } from "../src/index.js";
import { findVariableTokens, TokenRanges } from "../src/message-template.js";
import { REFERENCE_TOKEN } from "./reference-template.js";

/** Text made of pieces that start, end and border variable tokens. */
const tokenRichText = fc
  .array(
    fc.constantFrom(
      " ",
      "  ",
      ".",
      ":",
      "::",
      "=",
      "-",
      "_",
      ",",
      ";",
      "/",
      "(",
      ")",
      '"',
      "'",
      "\\",
      "\n",
      "0",
      "1",
      "7",
      "42",
      "255",
      "300",
      "12345",
      "0x",
      "x",
      "ff",
      "abc",
      "deadbeef",
      "DEADBEEF",
      "e89b",
      "ms",
      "s",
      "min",
      "kb",
      "bytes",
      "%",
      "µs",
      "μs",
      "user",
      "ipv4",
      "key",
      "g",
      "123e4567-e89b-12d3-a456-426614174000",
      "10.0.0.1",
      "fe80",
      "2001:db8::1",
      "a.b",
      "can't",
    ),
    { maxLength: 24 },
  )
  .map((parts) => parts.join(""));

describe("messageTemplate", () => {
  it.each([
    ["user 42 logged in", "user <*> logged in"],
    ["request 123e4567-e89b-12d3-a456-426614174000 done", "request <*> done"],
    ["from 10.0.0.1 to 192.168.1.254:8080", "from <*> to <*>"],
    ["peer 2001:db8:85a3::8a2e:370:7334 up", "peer <*> up"],
    ["peer fe80::1 up", "peer <*> up"],
    ["peer 2001:0db8:85a3:0000:0000:8a2e:0370:7334 up", "peer <*> up"],
    ["at 0x7fff5fbff8c8 crashed", "at <*> crashed"],
    ["commit deadbeefcafe1234 merged", "commit <*> merged"],
    ["blk_38865049064139660 received", "blk_<*> received"],
    ["blk_-1608999687919862906 received", "blk_-<*> received"],
    ["took 523ms", "took <*>"],
    ["took 1.5s (523ms)", "took <*> (<*>)"],
    ["used 12.5% of 4GB", "used <*> of <*>"],
    ['opened "/var/log/app.log" ok', "opened <*> ok"],
    ["opened '/tmp/x y' ok", "opened <*> ok"],
    ["can't connect to 'db' now", "can't connect to <*> now"],
    [
      "duration_ms=523 error_code=DB_TIMEOUT request_id=req-42",
      "duration_ms=<*> error_code=<*> request_id=<*>",
    ],
    ['msg="hello world" status=ok', "msg=<*> status=<*>"],
    ["version 1.2.3 on HTTP/1.1", "version <*> on HTTP/<*>"],
    ["time 10:15:30 today", "time <*>:<*>:<*> today"],
    ["ipv4 utf8 user42 sha256 stay", "ipv4 utf8 user42 sha256 stay"],
    [
      "Receiving block from /10.250.19.102:54106 dest: /10.250.19.102:50010",
      "Receiving block from /<*> dest: /<*>",
    ],
    ["5xx errors", "5xx errors"],
    ["std::vector is not an address", "std::vector is not an address"],
    ["ended at 10.0.0.1.", "ended at <*>."],
    ["no variables here", "no variables here"],
  ])("%j -> %j", (message, template) => {
    expect(messageTemplate(message)).toBe(template);
  });

  it("agrees with the reference regular expression on token-rich text", () => {
    fc.assert(
      fc.property(tokenRichText, (text) => {
        expect(messageTemplate(text)).toBe(text.replace(REFERENCE_TOKEN, "<*>"));
      }),
      { numRuns: 3000 },
    );
  });

  it("reads messages after a very long one as before", () => {
    expect(messageTemplate("x 1 ".repeat(20_000))).toBe("x <*> ".repeat(20_000));
    expect(messageTemplate("user 42 logged in")).toBe("user <*> logged in");
  });

  it("is idempotent: a template is its own template", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 120 }), (text) => {
        const template = messageTemplate(text);
        expect(messageTemplate(template)).toBe(template);
      }),
    );
  });
});

/** Reference FNV-1a 64 with BigInt over UTF-8 bytes. */
function referenceFnv1a64(text: string): string {
  let hash = 0xcbf29ce484222325n;
  for (const byte of new TextEncoder().encode(text)) {
    hash ^= BigInt(byte);
    hash = (hash * 0x100000001b3n) & 0xffffffffffffffffn;
  }
  return hash.toString(16).padStart(16, "0");
}

describe("findVariableTokens", () => {
  /** FNV-1a 32 bits over UTF-16 code units, written plainly. */
  function fnv1a32(text: string): number {
    let hash = 0x811c9dc5;
    for (let index = 0; index < text.length; index += 1)
      hash = Math.imul(hash ^ text.charCodeAt(index), 0x01000193);
    return hash;
  }

  it("writes the template's code units (then a 0), length and FNV-1a hash, for any text", () => {
    const tokens = new TokenRanges();
    fc.assert(
      fc.property(
        fc.oneof(tokenRichText, fc.string({ unit: "binary", maxLength: 120 })),
        (text) => {
          findVariableTokens(text, tokens);
          const template = messageTemplate(text);
          const codes = tokens.templateCodes;
          expect(tokens.templateLength).toBe(template.length);
          expect(String.fromCharCode(...codes.subarray(0, tokens.templateLength))).toBe(template);
          expect(codes[tokens.templateLength]).toBe(0);
          expect(tokens.templateWords.buffer).toBe(codes.buffer);
          expect(tokens.templateHash).toBe(fnv1a32(template));
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe("messageHash", () => {
  it.each([
    ["", "cbf29ce484222325"],
    ["a", "af63dc4c8601ec8c"],
    ["foobar", "85944171f73967e8"],
  ])("FNV-1a 64 test vector %j -> %s", (text, hash) => {
    expect(messageHash(text)).toBe(hash);
  });

  it("equals FNV-1a 64 over UTF-8 for any string (incl. lone surrogates as U+FFFD)", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 200 }), (text) => {
        const hash = messageHash(text);
        expect(hash).toMatch(/^[0-9a-f]{16}$/);
        expect(hash).toBe(referenceFnv1a64(text));
      }),
    );
    expect(messageHash("\ud800x")).toBe(referenceFnv1a64("\ufffdx"));
    expect(messageHash("x".repeat(5000))).toBe(referenceFnv1a64("x".repeat(5000)));
  });
});
