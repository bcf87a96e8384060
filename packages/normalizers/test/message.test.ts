import { ConfigError } from "@logfeat/schema";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { normalizeMessage } from "../src/index.js";
import { cleanMessage, isControlCharacter } from "../src/normalize-message.js";

describe("normalizeMessage", () => {
  it.each([
    ["  hello world  ", "hello world", false],
    ["line one\nline two\tcol", "line one\nline two\tcol", false],
    ["bell\u0007 and nul\u0000 gone", "bell and nul gone", false],
    ["crlf line\r", "crlf line", false],
    ["c1\u0085 control", "c1 control", false],
    ["del\u007f", "del", false],
    ["\u001b[31mred\u001b[0m", "[31mred[0m", false],
    ["héllo wörld 🌍", "héllo wörld 🌍", false],
  ])("%j -> %j", (input, message, truncated) => {
    expect(normalizeMessage(input)).toEqual({ message, truncated });
  });

  it("isControlCharacter is the set cleanMessage removes", () => {
    for (let code = 0; code < 0x300; code += 1)
      expect(cleanMessage(`a${String.fromCharCode(code)}b`) === "ab").toBe(
        isControlCharacter(code),
      );
  });

  it.each(["", "   ", "\u0000\u0001", "\r\n", 42, null, undefined])("%j -> null", (input) => {
    expect(normalizeMessage(input)).toBeNull();
  });

  it("cuts to maxLength, never inside a surrogate pair, and trims the cut", () => {
    expect(normalizeMessage("abcdef", 3)).toEqual({ message: "abc", truncated: true });
    expect(normalizeMessage("ab cdef", 3)).toEqual({ message: "ab", truncated: true });
    expect(normalizeMessage("ab🌍cd", 3)).toEqual({ message: "ab", truncated: true });
    expect(normalizeMessage("abc", 3)).toEqual({ message: "abc", truncated: false });
    expect(normalizeMessage("x".repeat(9000))?.message.length).toBe(8192);
  });

  it("throws ConfigError for a bad maxLength", () => {
    expect(() => normalizeMessage("a", -1)).toThrow(ConfigError);
    expect(() => normalizeMessage("a", 1.5)).toThrow(ConfigError);
  });

  it("is idempotent and keeps no control characters", () => {
    fc.assert(
      fc.property(
        fc.string({ unit: "binary", maxLength: 80 }),
        fc.integer({ min: 1, max: 60 }),
        (text, max) => {
          const result = normalizeMessage(text, max);
          if (result === null) return;
          expect(result.message.length).toBeLessThanOrEqual(max);
          expect(result.message).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
          expect(normalizeMessage(result.message, max)).toEqual({
            message: result.message,
            truncated: false,
          });
        },
      ),
    );
  });
});
