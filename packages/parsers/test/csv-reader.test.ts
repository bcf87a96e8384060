import { describe, expect, it } from "vitest";
import { readCsv } from "./helpers/read-csv.js";

describe("test helper readCsv (RFC 4180)", () => {
  it.each([
    ["plain", "a,b\r\n1,2\r\n", [{ a: "1", b: "2" }]],
    ["quoted comma", 'a,b\n"x,y",2', [{ a: "x,y", b: "2" }]],
    ["doubled quotes", 'a\n"say ""hi"""\n', [{ a: 'say "hi"' }]],
    ["newline in quotes", 'a,b\n"one\ntwo",3\n', [{ a: "one\ntwo", b: "3" }]],
    ["empty cells", "a,b,c\n,,\n", [{ a: "", b: "", c: "" }]],
  ])("%s", (_name, text, rows) => {
    expect(readCsv(text)).toEqual(rows);
  });
});
