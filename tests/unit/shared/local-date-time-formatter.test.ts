import { describe, expect, it } from "vitest";
import { formatLocalDateTime, localDateTimeFormatter } from "@/lib/shared/local-time";

describe("localDateTimeFormatter", () => {
  it("writes exactly what formatLocalDateTime writes, across summer-time changes", () => {
    for (const zone of ["Asia/Shanghai", "America/New_York", "Europe/London", "Australia/Lord_Howe", "Asia/Kathmandu"]) {
      const format = localDateTimeFormatter(zone);
      // Every 7 minutes 13 seconds through 2026: both clock changes of each zone are crossed.
      for (let time = Date.UTC(2026, 0, 1); time < Date.UTC(2027, 0, 1); time += 433_000 * 7) {
        const instant = new Date(time);
        expect(format(instant), `${zone} ${instant.toISOString()}`).toBe(formatLocalDateTime(instant, zone));
      }
    }
  });
});
