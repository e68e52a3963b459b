// What a service ran at a moment, from its deployment history; and which moments may be restored to.
import { describe, expect, it } from "vitest";
import { checkRestoreMoment, historyStartOf, ranAt } from "@/lib/domain/restore-point";
import type { ServiceDeploymentRecord } from "@/lib/domain/types";
import { tdArn } from "./fixtures/task-definition";

const rev = (n: number) => tdArn("web", n);
const at = (hour: number, minute = 0) => new Date(Date.UTC(2026, 10, 20, hour, minute));
let seq = 0;
/** A deployment from `from` to `to`, created at `start` and finished at `end` (hours; undefined = still running). */
function d(to: number, from: number[], status: string, start: number, end?: number): ServiceDeploymentRecord {
  seq += 1;
  return { arn: `sd-${seq}`, status, targetTaskDefinitionArn: rev(to), sourceTaskDefinitionArns: from.map(rev), createdAt: at(start), ...(end !== undefined && { finishedAt: at(end) }) };
}

const history = [d(4, [3], "SUCCESSFUL", 1, 2), d(5, [4], "SUCCESSFUL", 5, 6), d(6, [5], "ROLLBACK_SUCCESSFUL", 8, 9), d(7, [5], "SUCCESSFUL", 11, 12)];

describe("ranAt", () => {
  it.each([
    { name: "the target of the last success finished by then", records: history, moment: at(7), revision: 5 },
    { name: "exactly at a deployment's finish, its target", records: history, moment: at(6), revision: 5 },
    { name: "after a circuit-breaker rollback, the revision it rolled back to", records: history, moment: at(10), revision: 5 },
    { name: "the newest success", records: history, moment: at(13), revision: 7 },
    { name: "before the first finish, the first deployment's source", records: history, moment: at(1, 30), revision: 3, inProgress: "web:4" },
    { name: "a rollout in progress then: what was settled", records: history, moment: at(5, 30), revision: 4, inProgress: "web:5" },
    { name: "a superseded (STOPPED) deployment is passed over", records: [d(4, [3], "SUCCESSFUL", 1, 2), d(5, [4], "STOPPED", 3, 4), d(6, [4], "SUCCESSFUL", 4, 5)], moment: at(4, 30), revision: 4, inProgress: "web:6" },
    { name: "records in any order", records: [...history].reverse(), moment: at(7), revision: 5 },
  ])("$name", ({ records, moment, revision, inProgress }) => {
    const result = ranAt(records, moment);
    expect(result).toMatchObject({ known: true, taskDefinitionArn: rev(revision) });
    if (result.known) expect(result.inProgressAt).toBe(inProgress);
  });

  it.each([
    { name: "a failed rollback leaves it unknown", records: [d(4, [3], "SUCCESSFUL", 1, 2), d(5, [4], "ROLLBACK_FAILED", 3, 4)], moment: at(5), why: /web:5 ended ROLLBACK_FAILED at 2026-11-20 04:00 UTC/ },
    { name: "no history at all", records: [], moment: at(5), why: /no deployment of this service on record/ },
    { name: "a rollback from several sources is ambiguous", records: [d(6, [4, 5], "ROLLBACK_SUCCESSFUL", 1, 2)], moment: at(3), why: /ended ROLLBACK_SUCCESSFUL/ },
    { name: "nothing settled and no source recorded", records: [d(6, [], "SUCCESSFUL", 4, 5)], moment: at(3), why: /No deployment on record says what it ran at 2026-11-20 03:00 UTC/ },
  ])("$name", ({ records, moment, why }) => {
    const result = ranAt(records, moment);
    expect(result.known).toBe(false);
    if (!result.known) expect(result.why).toMatch(why);
  });
});

describe("checkRestoreMoment", () => {
  const now = at(14);
  it.each([
    { name: "a moment inside the history", moment: at(7), start: at(1), ok: true },
    { name: "exactly at the start of the history", moment: at(1), start: at(1), ok: true },
    { name: "now itself", moment: now, start: at(1), ok: true },
    { name: "in the future", moment: at(15), start: at(1), error: /2026-11-20 15:00 UTC is in the future \(now is 2026-11-20 14:00 UTC\)/ },
    { name: "before the recorded history", moment: at(0), start: at(1), error: /before the recorded history, which starts at 2026-11-20 01:00 UTC/ },
    { name: "no history", moment: at(7), start: undefined, error: /No deployment of this environment is on record/ },
    { name: "not a time", moment: new Date("nope"), start: at(1), error: /ISO-8601/ },
  ])("$name", ({ moment, start, ok, error }) => {
    const result = checkRestoreMoment(moment, now, start);
    if (ok) expect(result).toEqual({ ok: true });
    else expect(result).toMatchObject({ ok: false, error: expect.stringMatching(error as RegExp) });
  });

  it("the history starts at the earliest record", () => {
    expect(historyStartOf(history)).toEqual(at(1));
    expect(historyStartOf([])).toBeUndefined();
  });
});
