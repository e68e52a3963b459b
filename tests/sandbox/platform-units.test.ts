// The platform's pure parts: clock arithmetic, token buckets, the PRNG, wire serialisation and parsing.
import { describe, expect, it } from "vitest";
import { TokenBucket } from "../../sandbox/faults/token-bucket";
import { awsBucketFor } from "../../sandbox/faults/aws-buckets";
import { mulberry32 } from "../../sandbox/seed/prng";
import { callerFromAuthorization } from "../../sandbox/wire/caller";
import { parseTarget } from "../../sandbox/wire/target";
import { toWire } from "../../sandbox/wire/serialize";
import { SandboxClock } from "../../sandbox/world/clock";

function fakeWall(start = 1_000_000) {
  let now = start;
  return { now: () => now, tick: (ms: number) => (now += ms) };
}

describe("SandboxClock", () => {
  it("runs at timeScale × wall time from its start", () => {
    const wall = fakeWall();
    const clock = new SandboxClock({ startAt: 5_000, timeScale: 60, wallNow: wall.now });
    wall.tick(1_000);
    expect(clock.now()).toBe(65_000);
  });

  it("stays put while frozen, moves only when advanced, and continues after resume", () => {
    const wall = fakeWall();
    const clock = new SandboxClock({ startAt: 0, frozen: true, wallNow: wall.now });
    wall.tick(10_000);
    expect(clock.now()).toBe(0);
    expect(clock.advance(2_500)).toBe(2_500);
    clock.resume();
    wall.tick(1_000);
    expect(clock.now()).toBe(3_500);
    clock.freeze();
    wall.tick(1_000);
    expect(clock.state()).toEqual({ now: 3_500, frozen: true, timeScale: 1 });
  });

  it.each([0, -1, Number.NaN, Number.POSITIVE_INFINITY])("rejects timeScale %s", (timeScale) => {
    expect(() => new SandboxClock({ timeScale })).toThrow(RangeError);
  });

  it("refuses to advance backwards", () => {
    expect(() => new SandboxClock({ frozen: true }).advance(-1)).toThrow(RangeError);
  });
});

describe("TokenBucket", () => {
  it("allows the burst, then refills at the sustained rate", () => {
    const wall = fakeWall();
    const bucket = new TokenBucket(2, 3, wall.now);
    expect([1, 2, 3, 4].map(() => bucket.tryTake())).toEqual([true, true, true, false]);
    wall.tick(500);
    expect(bucket.tryTake()).toBe(true);
    expect(bucket.tryTake()).toBe(false);
    wall.tick(60_000);
    expect([1, 2, 3, 4].map(() => bucket.tryTake())).toEqual([true, true, true, false]);
  });
});

describe("awsBucketFor", () => {
  it.each([
    ["ecs", "DescribeServices", "ecs:service-read", 100, 20],
    ["ecs", "ListServices", "ecs:service-read", 100, 20],
    ["ecs", "DescribeClusters", "ecs:cluster-read", 50, 20],
    ["ecs", "RegisterTaskDefinition", "ecs:task-definition-modify", 20, 1],
    ["ecs", "UpdateService", "ecs:service-modify", 50, 5],
    ["ecr", "DescribeImages", "ecr:DescribeImages", 100, 20],
  ])("%s %s → %s (%i burst, %i/s)", (service, operation, name, burst, ratePerSecond) => {
    expect(awsBucketFor(service, operation)).toEqual({ name, burst, ratePerSecond });
  });
});

describe("mulberry32", () => {
  it("gives the same sequence for the same seed and another for another seed", () => {
    const take = (seed: number) => Array.from({ length: 5 }, mulberry32(seed));
    expect(take(42)).toEqual(take(42));
    expect(take(42)).not.toEqual(take(43));
    expect(take(42).every((value) => value >= 0 && value < 1)).toBe(true);
  });
});

describe("toWire", () => {
  it("turns Dates into epoch seconds with milliseconds and drops undefined members", () => {
    const wire = toWire({ at: new Date(1_430_326_887_362), gone: undefined, nested: [{ at: new Date(0), n: null }] });
    expect(wire).toEqual({ at: 1_430_326_887.362, nested: [{ at: 0, n: null }] });
    expect(JSON.stringify(wire)).not.toContain("gone");
  });
});

describe("callerFromAuthorization", () => {
  const auth = (key: string, region: string) =>
    `AWS4-HMAC-SHA256 Credential=${key}/20261125/${region}/ecs/aws4_request, SignedHeaders=host, Signature=abc`;
  it.each([
    [auth("AKIASANDBOXTEST00001", "ap-south-1"), { account: "123456789012", region: "ap-south-1", accessKeyId: "AKIASANDBOXTEST00001" }],
    [auth("111122223333", "eu-west-1"), { account: "111122223333", region: "eu-west-1", accessKeyId: "111122223333" }],
    [auth("1111222233334", "us-east-1"), { account: "123456789012", region: "us-east-1", accessKeyId: "1111222233334" }],
    [undefined, { account: "123456789012", region: "ap-south-1" }],
    ["Bearer nonsense", { account: "123456789012", region: "ap-south-1" }],
  ])("%s → %o", (header, caller) => {
    expect(callerFromAuthorization(header)).toEqual(caller);
  });
});

describe("parseTarget", () => {
  it.each([
    ["AmazonEC2ContainerServiceV20141113.DescribeServices", { service: "ecs", operation: "DescribeServices" }],
    ["AmazonEC2ContainerRegistry_V20150921.DescribeImages", { service: "ecr", operation: "DescribeImages" }],
    ["DynamoDB_20120810.ListTables", undefined],
    ["AmazonEC2ContainerServiceV20141113.", undefined],
    ["DescribeServices", undefined],
    [undefined, undefined],
  ])("%s → %o", (header, target) => {
    expect(parseTarget(header)).toEqual(target);
  });
});
