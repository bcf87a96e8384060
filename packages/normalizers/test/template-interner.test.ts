import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { messageHash, messageTemplate } from "../src/index.js";
import { TemplateInterner } from "../src/template-interner.js";

const messages = fc.oneof(
  fc.string({ maxLength: 80 }),
  fc
    .array(
      fc.constantFrom(
        "user ",
        "42",
        " logged in",
        "<*>",
        "=",
        "k=v ",
        '"q"',
        "'s'",
        "10.0.0.1",
        "fe80::1",
        "deadbeef",
        "0x1f",
        "1.5ms",
        " ",
        "é",
      ),
      { maxLength: 12 },
    )
    .map((parts) => parts.join("")),
);

describe("TemplateInterner", () => {
  it("gives messageTemplate and its messageHash for any message, also after starting over", () => {
    fc.assert(
      fc.property(
        fc.array(messages, { maxLength: 40 }),
        fc.integer({ min: 1, max: 8 }),
        (list, capacity) => {
          const interner = new TemplateInterner(capacity);
          for (const message of [...list, ...list]) {
            const interned = interner.intern(message);
            const template = messageTemplate(message);
            expect(interned.template).toBe(template);
            expect(interned.hash).toBe(messageHash(template));
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it("internIfClean gives the same as intern for clean messages, null for others, also repeated", () => {
    const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;
    // Clean and with nothing to trim: printable ASCII other than space at both ends, no control character.
    const isClean = (message: string): boolean =>
      !CONTROL.test(message) && /^[!-~](?:.*[!-~])?$/s.test(message);
    const withControls = fc.oneof(
      messages,
      messages.map((message) => `${message}\u0007`),
      messages.map((message) => ` ${message}\t`),
      fc.constantFrom("Request routed", "Request routex", "Rxquest routed", "ready", "rxady"),
    );
    fc.assert(
      fc.property(
        fc.array(withControls, { maxLength: 40 }),
        fc.integer({ min: 1, max: 8 }),
        (list, capacity) => {
          const interner = new TemplateInterner(capacity);
          for (const message of [...list, ...list, ...list]) {
            const interned = interner.internIfClean(message);
            if (!isClean(message)) {
              expect(interned).toBeNull();
              continue;
            }
            const template = messageTemplate(message);
            expect(interned?.template).toBe(template);
            expect(interned?.hash).toBe(messageHash(template));
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it("tells apart messages without tokens that share length and end characters", () => {
    const interner = new TemplateInterner(100);
    const first = interner.internIfClean("Request routed");
    expect(first?.template).toBe("Request routed");
    expect(interner.internIfClean("Rxquest routed")?.template).toBe("Rxquest routed");
    expect(interner.internIfClean("Request routed")).toBe(first);
    expect(interner.internIfClean("Request 12345d")?.template).toBe("Request <*>");
  });

  it("finds repeated messages again, also messages that share length and end characters", () => {
    // "code 1 ok" .. "code 9 ok", "code x ok" and "code y ok" share length, first and last
    // character (one constant slot); "Cart <id> checked out" never repeats.
    const messagesOf = (round: number): string[] => [
      `code ${round % 9} ok`,
      `code ${round % 2 === 0 ? "x" : "y"} ok`,
      `Cart ${(round * 2654435761).toString(16).padStart(8, "0")} checked out`,
      "GET /api/v1/cart 200",
      `code ${(round * 7) % 9} ox`,
      'User "alice" logged in',
      "Request routed to upstream",
      `Cart ${(round * 40503).toString(16).padStart(8, "0")} checked out`,
    ];
    const interner = new TemplateInterner(10_000);
    const seen = new Map<string, unknown>();
    for (let round = 0; round < 2_000; round += 1)
      for (const message of messagesOf(round)) {
        const interned = interner.internIfClean(message);
        const template = messageTemplate(message);
        expect(interned?.template).toBe(template);
        expect(interned?.hash).toBe(messageHash(template));
        if (seen.has(template)) expect(interned).toBe(seen.get(template));
        else seen.set(template, interned);
      }
    expect([...seen.keys()].sort()).toEqual([
      "Cart <*> checked out",
      "GET /api/v1/cart <*>",
      "Request routed to upstream",
      "User <*> logged in",
      "code <*> ok",
      "code <*> ox",
      "code x ok",
      "code y ok",
    ]);
  });

  it("returns one shared object per template", () => {
    const interner = new TemplateInterner(100);
    const first = interner.intern("user 42 logged in");
    expect(interner.intern("user 7 logged in")).toBe(first);
    expect(interner.intern("user <*> logged in")).toBe(first);
    expect(interner.intern("user 7 logged out")).not.toBe(first);
  });

  it("finds a template whose text between the tokens differs from the first message's", () => {
    const interner = new TemplateInterner(100);
    const first = interner.intern("x <*> 5");
    expect(first.template).toBe("x <*> <*>");
    expect(interner.intern("x 5 <*>")).toBe(first);
    expect(interner.intern("x 6 7")).toBe(first);
  });

  it("tells apart templates of the same length that differ in one character", () => {
    const interner = new TemplateInterner(100);
    expect(interner.intern("job 1 ab").template).toBe("job <*> ab");
    expect(interner.intern("job 2 ac").template).toBe("job <*> ac");
    expect(interner.intern("job 3 ab").template).toBe("job <*> ab");
  });
});
