import type { ParsedLog } from "@logfeat/schema";
import { describe, expect, it } from "vitest";
import { SyslogParser } from "../src/index.js";
import { textRecord } from "./helpers/records.js";

const parser = new SyslogParser();

describe("SyslogParser", () => {
  it.each<[string, string, Partial<ParsedLog>]>([
    [
      "RFC 5424 without structured data, BOM before the message",
      "<34>1 2003-10-11T22:14:15.003Z mymachine.example.com su - ID47 - \uFEFF'su root' failed for lonvick on /dev/pts/8",
      {
        timestamp: "2003-10-11T22:14:15.003Z",
        service: "su",
        level: 2,
        level_scheme: "syslog",
        message: "'su root' failed for lonvick on /dev/pts/8",
        extra: { hostname: "mymachine.example.com", msgid: "ID47", facility: 4 },
      },
    ],
    [
      "RFC 5424 with structured data holding an escaped ]",
      '<165>1 2003-10-11T22:14:15.003Z host evntslog 1234 ID47 [exampleSDID@32473 iut="3" note="a\\]b"][other x="1"] An application event duration_ms=12',
      {
        service: "evntslog",
        level: 5,
        message: "An application event duration_ms=12",
        duration: "12",
        extra: {
          procid: "1234",
          structured_data: '[exampleSDID@32473 iut="3" note="a\\]b"][other x="1"]',
          facility: 20,
        },
      },
    ],
    [
      "RFC 5424 level word wins over PRI, nil timestamp",
      "<13>1 - host app - - - error: disk full",
      { level: "error", message: "error: disk full", service: "app" },
    ],
    [
      "RFC 3164 with PRI",
      "<34>Oct 11 22:14:15 mymachine su: 'su root' failed for lonvick on /dev/pts/8",
      { timestamp: "Oct 11 22:14:15", service: "su", level: 2, level_scheme: "syslog" },
    ],
    [
      "RFC 3164 without PRI: no level",
      "Mar 27 13:06:56 ip-10-77-20-248 sshd[1291]: Server listening on 0.0.0.0 port 22.",
      {
        timestamp: "Mar 27 13:06:56",
        service: "sshd",
        message: "Server listening on 0.0.0.0 port 22.",
        extra: { hostname: "ip-10-77-20-248", pid: "1291" },
      },
    ],
    [
      "space-padded day, brackets in the message",
      "Jul  1 09:00:55 host kernel[0]: IOThunderboltSwitch<0>(0x0)::listenerCallback [x]",
      {
        timestamp: "Jul  1 09:00:55",
        service: "kernel",
        message: "IOThunderboltSwitch<0>(0x0)::listenerCallback [x]",
      },
    ],
    [
      "program with parentheses, trailing pairs copied, message whole",
      "Jun 14 15:16:01 combo sshd(pam_unix)[19939]: authentication failure; logname= uid=0 rhost=218.188.2.4",
      {
        service: "sshd(pam_unix)",
        message: "authentication failure; logname= uid=0 rhost=218.188.2.4",
        extra: { logname: "", uid: "0", rhost: "218.188.2.4", hostname: "combo", pid: "19939" },
      },
    ],
    [
      "ISO timestamp instead of Mmm dd",
      "2025-02-07T10:15:30+00:00 web01 nginx[42]: WARN upstream slow",
      { timestamp: "2025-02-07T10:15:30+00:00", service: "nginx", level: "WARN" },
    ],
  ])("%s", (_name, line, expected) => {
    expect(parser.parse(textRecord(line))).toMatchObject(expected);
  });

  it("has no level and no scheme without PRI or level word", () => {
    const parsed = parser.parse(textRecord("Mar 27 13:06:56 host cron[1]: job done"));
    expect(parsed?.level).toBeUndefined();
    expect(parsed?.level_scheme).toBeUndefined();
  });

  it.each([
    ["PRI above 191", "<192>Oct 11 22:14:15 host su: x"],
    ["5424 PRI above 191", "<999>1 - host app - - - x"],
    ["no tag colon", "Mar 27 13:06:56 host last message repeated 2 times"],
    ["unterminated structured data", '<13>1 - host app - - [a x="1" msg'],
    ["plain text", "hello world"],
  ])("does not match %s", (_name, line) => {
    expect(parser.parseText(line, textRecord(line))).toBeNull();
  });
});
