import { describe, expect, it } from "vitest";
import { isRegexSpace } from "../src/character-classes.js";

describe("isRegexSpace", () => {
  it("agrees with a regex \\s on every UTF-16 code unit", () => {
    const disagreements: number[] = [];
    for (let code = 0; code <= 0xffff; code += 1)
      if (isRegexSpace(code) !== /\s/.test(String.fromCharCode(code))) disagreements.push(code);
    expect(disagreements).toEqual([]);
  });
});
