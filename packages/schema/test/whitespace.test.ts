import { describe, expect, it } from "vitest";
import { isRegexWhitespace } from "../src/index.js";

describe("isRegexWhitespace", () => {
  it("agrees with a regex \\s and with trim on every UTF-16 code unit", () => {
    const disagreements: number[] = [];
    for (let code = 0; code <= 0xffff; code += 1) {
      const character = String.fromCharCode(code);
      const expected = /\s/.test(character);
      if (isRegexWhitespace(code) !== expected || (character.trim() === "") !== expected)
        disagreements.push(code);
    }
    expect(disagreements).toEqual([]);
  });
});
