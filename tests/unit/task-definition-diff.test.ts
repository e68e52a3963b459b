// Running my-api:9 against a target: images with SHAs and links, env names (never values), secrets,
// every other field generically, and the sidecar listed as unchanged.
import { describe, expect, it } from "vitest";
import { diffTaskDefinitions, type DiffOptions, type TaskDefinitionDiff } from "@/lib/domain/task-definition-diff";
import { compileTagPattern, DEFAULT_TAG_PATTERN } from "@/lib/domain/prod-tag";
import type { TaskDefinitionSpec } from "@/lib/domain/task-definition";
import { app, DIGEST_A, REGISTRY, SHA_NEW, SHA_OLD, sidecar, spec } from "./fixtures/task-definition";

const opts: DiffOptions = {
  tagPattern: compileTagPattern(DEFAULT_TAG_PATTERN),
  git: { byRepository: {}, default: { commitUrl: "https://git.example/{repository}/commit/{sha}", compareUrl: "https://git.example/{repository}/compare/{base}...{head}" } },
  images: new Map([[`${REGISTRY}/my-api@${DIGEST_A}`, { tags: [`prod-${SHA_NEW}`, "sha-2222222"], digest: DIGEST_A }]]),
};
const running = spec();
const withApp = (over: Parameters<typeof app>[0], top: Partial<TaskDefinitionSpec> = {}) => spec({ containerDefinitions: [app(over), sidecar()], ...top });
const appDiff = (d: TaskDefinitionDiff) => d.containers.find((c) => c.name === "app");

describe("diffTaskDefinitions", () => {
  it("shows a digest-pinned image with its tag, SHA, commit and compare links, and the sidecar as unchanged", () => {
    const diff = diffTaskDefinitions(running, withApp({ image: `${REGISTRY}/my-api@${DIGEST_A}` }), opts);
    expect(appDiff(diff)?.image).toEqual({
      changed: true,
      from: { image: `${REGISTRY}/my-api:prod-${SHA_OLD}`, repository: "my-api", tag: `prod-${SHA_OLD}`, sha: SHA_OLD, commitUrl: `https://git.example/my-api/commit/${SHA_OLD}` },
      to: { image: `${REGISTRY}/my-api@${DIGEST_A}`, repository: "my-api", tag: `prod-${SHA_NEW}`, digest: DIGEST_A, sha: SHA_NEW, commitUrl: `https://git.example/my-api/commit/${SHA_NEW}` },
      compareUrl: `https://git.example/my-api/compare/${SHA_OLD}...${SHA_NEW}`,
    });
    expect(diff.containers.map((c) => [c.name, c.status])).toEqual([["app", "changed"], ["log-router", "unchanged"]]);
    expect(diff.fields).toEqual([]);
    expect(diff.changed).toBe(true);
  });

  const cases: Array<[string, TaskDefinitionSpec, Partial<TaskDefinitionDiff["containers"][number]> | undefined, TaskDefinitionDiff["fields"]]> = [
    ["nothing", spec(), { status: "unchanged", environment: [], secrets: [], fields: [] }, []],
    ["echoed defaults only (portMappings: [] vs absent)", withApp({ mountPoints: undefined, volumesFrom: [] }), { status: "unchanged" }, []],
    [
      "environment values, by name only",
      withApp({ environment: [{ name: "RELEASE", value: "2222222" }, { name: "FEATURE_X", value: "on" }] }),
      { status: "changed", environment: [{ name: "FEATURE_X", change: "added" }, { name: "LOG_LEVEL", change: "removed" }, { name: "RELEASE", change: "changed" }] },
      [],
    ],
    [
      "secret references",
      withApp({ secrets: [{ name: "DB_PASSWORD", valueFrom: "arn:aws:ssm:ap-south-1:123456789012:parameter/db" }, { name: "API_KEY", valueFrom: "arn:x" }] }),
      { secrets: [{ name: "API_KEY", change: "added" }, { name: "DB_PASSWORD", change: "changed" }] },
      [],
    ],
    [
      "ports and a health check",
      withApp({ portMappings: [{ containerPort: 9090, hostPort: 9090, protocol: "tcp" }], healthCheck: { command: ["CMD", "true"], retries: 3 } }),
      {
        fields: [
          { field: "healthCheck", to: '{"command":["CMD","true"],"retries":3}' },
          { field: "portMappings", from: '[{"containerPort":8080,"hostPort":8080,"protocol":"tcp"}]', to: '[{"containerPort":9090,"hostPort":9090,"protocol":"tcp"}]' },
        ],
      },
      [],
    ],
    [
      "task cpu, memory and roles",
      spec({ cpu: "1024", memory: "2048", taskRoleArn: "arn:aws:iam::123456789012:role/other" }),
      { status: "unchanged" },
      [
        { field: "cpu", from: "512", to: "1024" },
        { field: "memory", from: "1024", to: "2048" },
        { field: "taskRoleArn", from: "arn:aws:iam::123456789012:role/my-api-task", to: "arn:aws:iam::123456789012:role/other" },
      ],
    ],
    ["a member added at task level", spec({ ephemeralStorage: { sizeInGiB: 40 } }), { status: "unchanged" }, [{ field: "ephemeralStorage", to: '{"sizeInGiB":40}' }]],
    ["a container member AWS does not name here", withApp({ ulimits: [{ name: "nofile", softLimit: 1024, hardLimit: 4096 }] }), { status: "changed", fields: [{ field: "ulimits", to: '[{"hardLimit":4096,"name":"nofile","softLimit":1024}]' }] }, []],
  ];

  it.each(cases)("reports %s", (_name, target, app, fields) => {
    const diff = diffTaskDefinitions(running, target, opts);
    if (app) expect(appDiff(diff)).toMatchObject(app);
    expect(diff.fields).toEqual(fields);
    expect(diff.changed).toBe(fields.length > 0 || appDiff(diff)?.status !== "unchanged");
  });

  it("never carries an environment value anywhere in the diff", () => {
    const diff = diffTaskDefinitions(running, withApp({ environment: [{ name: "RELEASE", value: "s3cr3t-token" }] }), opts);
    expect(JSON.stringify(diff)).not.toMatch(/s3cr3t|"1111111"/);
  });

  it("lists added and removed containers", () => {
    const target = spec({ containerDefinitions: [app(), { name: "xray", image: "public.ecr.aws/xray/aws-xray-daemon:3.3" }] });
    const diff = diffTaskDefinitions(running, target, opts);
    expect(diff.containers.map((c) => [c.name, c.status])).toEqual([["app", "unchanged"], ["xray", "added"], ["log-router", "removed"]]);
  });

  it("gives no compare link across repositories or without a SHA", () => {
    const diff = diffTaskDefinitions(running, withApp({ image: `${REGISTRY}/my-api:latest` }), opts);
    expect(appDiff(diff)?.image).toMatchObject({ changed: true, to: { tag: "latest" } });
    expect(appDiff(diff)?.image.compareUrl).toBeUndefined();
  });
});
