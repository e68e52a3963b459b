// Set-up for the deploy verbs' integration tests: the demo sandbox on a frozen clock (time moves only
// when a test advances it), a migrated SQLite store of its own, actors of each role, a deploy context
// whose clock is the sandbox's, and a follower the test ticks by hand.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import type { Role } from "@/lib/domain/roles";
import { type AppConfig } from "@/lib/config";
import { deployContext, Follower, type DeployContext } from "@/lib/deploy";
import { createStore, getOperation, type Operation, type Store } from "@/lib/store";
import type { TestSandbox } from "../support/sandbox";
import { demoConfig, useAppSandbox } from "./support";

export const REF = (service: string, cluster = "production") => ({ env: "sandbox", cluster, service });

export function actor(role: Role, name = `${role}@example.com`): Actor {
  return { kind: "user", name, email: name, provider: "oidc", role };
}

export interface DeployHarness {
  sandbox: TestSandbox;
  store: () => Store;
  config: AppConfig;
  now: () => Date;
  ctx(actor: Actor): Promise<DeployContext>;
  follower(owner?: string): Follower;
  /** Advances the sandbox by `stepMs` and ticks the follower until the operation ends (or `maxMs` of sandbox time). */
  followUntilDone(operationId: string, opts?: { stepMs?: number; maxMs?: number; follower?: Follower }): Promise<Operation>;
}

export function useDeployHarness(): DeployHarness {
  const sandbox = useAppSandbox({ scenario: "demo" });
  const config: AppConfig = { ...demoConfig(), deploy: { pollIntervalMs: 1000, followTimeoutMs: 1_800_000, leaseTtlMs: 10_000 } };
  let dir = "";
  let store: Store | undefined;
  let clock = 0;
  const followers: Follower[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), "steady-deploy-"));
    store = createStore(`file:${path.join(dir, "store.db")}`);
    await store.migrate();
  });
  afterEach(async () => {
    await Promise.all(followers.splice(0).map((f) => f.stop()));
  });
  afterAll(async () => {
    await store?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const now = () => new Date(clock);
  const harness: DeployHarness = {
    sandbox,
    config,
    store: () => {
      if (!store) throw new Error("store not open yet");
      return store;
    },
    now,
    async ctx(who) {
      clock = await sandbox.control.now();
      return deployContext(who, { config, store: harness.store(), now, wake: () => undefined });
    },
    follower(owner = "test-replica") {
      const follower = new Follower({ config, store: harness.store(), owner, now });
      followers.push(follower);
      return follower;
    },
    async followUntilDone(operationId, opts = {}) {
      const follower = opts.follower ?? harness.follower();
      const step = opts.stepMs ?? 5000;
      const until = (await sandbox.control.now()) + (opts.maxMs ?? 30 * 60_000);
      for (;;) {
        clock = await sandbox.control.now();
        await follower.tick();
        const op = await getOperation(harness.store().db, operationId);
        if (!op) throw new Error(`operation ${operationId} vanished`);
        if (op.status !== "running" || clock >= until) return op;
        clock = (await sandbox.control.advance(step)).now;
      }
    },
  };
  return harness;
}
