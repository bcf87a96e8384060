import { ServiceNameSchema } from "@logfeat/schema";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { normalizeService } from "../src/index.js";

describe("normalizeService", () => {
  it.each([
    ["dfs.DataNode$PacketResponder", "dfs-datanode-packetresponder"],
    ["  API Server ", "api-server"],
    ["***", null],
    ["api-server", "api-server"],
    ["nova.osapi_compute.wsgi.server", "nova-osapi_compute-wsgi-server"],
    ["chrome.exe *64", "chrome-exe-64"],
    ["sshd(pam_unix)", "sshd-pam_unix"],
    ["-leading-and-trailing-", "leading-and-trailing"],
    ["a - b", "a---b"],
    ["Café Über", "caf-ber"],
    ["_internal", "_internal"],
    ["", null],
    ["   ", null],
    ["---", null],
    ["x".repeat(200), "x".repeat(128)],
    [`${"a".repeat(127)}.b`, "a".repeat(127)],
    [42, null],
    [null, null],
  ])("%j -> %j", (input, expected) => {
    expect(normalizeService(input)).toBe(expected);
  });

  it("always returns a valid service name or null, and is idempotent", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300, unit: "binary" }), (text) => {
        const service = normalizeService(text);
        if (service === null) return;
        expect(ServiceNameSchema.safeParse(service).success).toBe(true);
        expect(normalizeService(service)).toBe(service);
      }),
    );
  });
});
