// The store unavailable: the write API refuses before any AWS write (the deploy context checks the
// database answers first) with a 503 that says so, never a 500 or a half-done change. Its own file,
// because it closes the server's store for good.
import { expect, it } from "vitest";
import { POST as operationsRoute } from "@/app/api/v1/services/[env]/[cluster]/[service]/operations/route";
import { POST as stopRoute } from "@/app/api/v1/services/[env]/[cluster]/[service]/stop/route";
import { getStore } from "@/lib/store";
import { call, freshKey, setUpWriteApi } from "./api-write-support";
import { callsOf } from "./support";

const sandbox = setUpWriteApi();
const params = { env: "sandbox", cluster: "production", service: "worker" };

it("answers 503 store_unavailable and calls no AWS write when the store is closed", async () => {
  await (await getStore()).close();
  const start = await call(operationsRoute, { params, body: { action: "rollback", target: { suggested: true }, reason: "INC-1" }, headers: freshKey() });
  const stop = await call(stopRoute, { params, body: { reason: "INC-1" }, headers: freshKey() });
  for (const answer of [start, stop]) {
    expect(answer.status).toBe(503);
    expect(answer.body.error).toMatchObject({ code: "store_unavailable", message: expect.stringMatching(/operations database cannot be reached.*nothing was changed/) });
  }
  const counters = await sandbox.control.counters();
  expect(callsOf(counters, "UpdateService") + callsOf(counters, "RegisterTaskDefinition") + callsOf(counters, "StopServiceDeployment")).toBe(0);
});
