// Proves the room boundaries of docs/architecture.md are enforced by `npm run lint`: each case lints a
// one-line file at a path inside a room and expects (or not) a no-restricted-imports error.
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

const eslint = new ESLint({ cwd: process.cwd() });

async function restrictedImportErrors(filePath: string, source: string): Promise<number> {
  const [result] = await eslint.lintText(`${source}\nexport const unused = 1;\n`, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === "no-restricted-imports").length;
}

const cases: Array<{ file: string; source: string; blocked: boolean }> = [
  { file: "app/page.tsx", source: 'import { ECSClient } from "@aws-sdk/client-ecs";', blocked: true },
  { file: "app/page.tsx", source: 'import { db } from "@/lib/store/db";', blocked: true },
  { file: "app/page.tsx", source: 'import { overview } from "@/lib/queries/overview";', blocked: false },
  { file: "app/api/v1/x/route.ts", source: 'import { x } from "../../../../sandbox/server";', blocked: true },
  { file: "components/services/table.tsx", source: 'import { listServices } from "@/lib/aws/ecs-services";', blocked: true },
  { file: "components/services/table.tsx", source: 'import { rollback } from "../../lib/deploy/rollback";', blocked: true },
  { file: "components/services/table.tsx", source: 'import { ECRClient } from "@aws-sdk/client-ecr";', blocked: true },
  { file: "components/services/table.tsx", source: 'import { shortSha } from "@/lib/domain/prod-tag";', blocked: false },
  { file: "lib/aws/clients.ts", source: 'import { startSandbox } from "../../sandbox/server";', blocked: true },
  { file: "lib/aws/clients.ts", source: 'import { ECSClient } from "@aws-sdk/client-ecs";', blocked: false },
  { file: "lib/domain/severity.ts", source: 'import { readFileSync } from "node:fs";', blocked: true },
  { file: "lib/domain/severity.ts", source: 'import { getClients } from "../aws/clients";', blocked: true },
  { file: "lib/errors/kinds.ts", source: 'import { awsRuntime } from "../aws/runtime";', blocked: true },
  { file: "lib/errors/kinds.ts", source: 'import { getConfig } from "@/lib/config";', blocked: true },
  { file: "lib/errors/kinds.ts", source: 'import { readFileSync } from "node:fs";', blocked: true },
  { file: "lib/errors/index.ts", source: 'import { describeError } from "./describe-error";', blocked: false },
  { file: "lib/aws/errors.ts", source: 'import { AwsAccessDeniedError } from "@/lib/errors";', blocked: false },
  { file: "lib/server/shutdown.ts", source: 'import { getStore } from "@/lib/store";', blocked: true },
  { file: "lib/server/shutdown.ts", source: 'import { Follower } from "../deploy/follower/follower";', blocked: true },
  { file: "lib/server/shutdown.ts", source: 'import { startDraining } from "./draining";', blocked: false },
  { file: "lib/notify/worker.ts", source: 'import { startOperation } from "@/lib/deploy";', blocked: true },
  { file: "lib/notify/worker.ts", source: 'import { finishOperation } from "../deploy/finish-operation";', blocked: true },
  { file: "lib/notify/worker.ts", source: 'import { ECSClient } from "@aws-sdk/client-ecs";', blocked: true },
  { file: "lib/notify/worker.ts", source: 'import { claimDueDeliveries } from "@/lib/store";', blocked: false },
  { file: "lib/notify/ecs-watch.ts", source: 'import { listClusterNames } from "@/lib/aws";', blocked: false },
  { file: "lib/observability/logger.ts", source: 'import { getStore } from "@/lib/store";', blocked: true },
  { file: "lib/observability/metrics.ts", source: 'import { awsRuntime } from "../aws/runtime";', blocked: true },
  { file: "lib/observability/metrics.ts", source: 'import { ECSClient } from "@aws-sdk/client-ecs";', blocked: true },
  { file: "lib/observability/settings.ts", source: 'import { ConfigError } from "@/lib/config/config-error";', blocked: false },
  { file: "sandbox/ecs/operations.ts", source: 'import { parseImageReference } from "../../lib/domain/image-reference";', blocked: true },
  { file: "sandbox/ecs/operations.ts", source: 'import { x } from "@/components/ui/badge";', blocked: true },
  { file: "sandbox/ecs/operations.ts", source: 'import { AwsError } from "../core/aws-error";', blocked: false },
];

describe("room boundaries", () => {
  it.each(cases)("$file: $source → blocked=$blocked", async ({ file, source, blocked }) => {
    const errors = await restrictedImportErrors(file, source);
    expect(errors > 0).toBe(blocked);
  });
});
