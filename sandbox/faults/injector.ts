// Decides, per AWS call, which injected fault applies: extra latency, a throttle from a token bucket, a
// 500 ServerException or a dropped connection. The most specific rule wins as a whole
// ("ecs:DescribeServices" over "DescribeServices" over "*"); rules do not merge.
import { mulberry32, type Random } from "../seed/prng";
import { awsBucketFor } from "./aws-buckets";
import type { FaultRule, FaultSpec } from "./spec";
import { TokenBucket } from "./token-bucket";

export interface CallKey {
  service: string;
  operation: string;
  account: string;
  region: string;
}

export type FaultOutcome = "pass" | "throttle" | "error" | "drop";

export interface FaultDecision {
  delayMs: number;
  outcome: FaultOutcome;
}

const NO_FAULT: FaultDecision = { delayMs: 0, outcome: "pass" };

export class FaultInjector {
  private spec: FaultSpec | undefined;
  private random: Random = Math.random;
  private buckets = new Map<string, TokenBucket>();

  set(spec: FaultSpec): void {
    this.spec = spec;
    this.random = spec.seed === undefined ? Math.random : mulberry32(spec.seed);
    // New rules start with full buckets, so a test sees exactly the burst it configured.
    this.buckets.clear();
  }

  clear(): void {
    this.spec = undefined;
    this.buckets.clear();
  }

  current(): FaultSpec | undefined {
    return this.spec;
  }

  decide(call: CallKey): FaultDecision {
    const match = this.ruleFor(call);
    if (!match) return NO_FAULT;
    const { key, rule } = match;
    const jitter = rule.jitterMs ? this.random() * rule.jitterMs : 0;
    const delayMs = (rule.latencyMs ?? 0) + jitter;
    if (rule.dropRate && this.random() < rule.dropRate) return { delayMs, outcome: "drop" };
    if (rule.throttle && !this.bucketFor(call, key, rule).tryTake()) return { delayMs, outcome: "throttle" };
    if (rule.errorRate && this.random() < rule.errorRate) return { delayMs, outcome: "error" };
    return { delayMs, outcome: "pass" };
  }

  private ruleFor(call: CallKey): { key: string; rule: FaultRule } | undefined {
    const rules = this.spec?.rules;
    if (!rules) return undefined;
    for (const key of [`${call.service}:${call.operation}`, call.operation, "*"]) {
      const rule = rules[key];
      if (rule) return { key, rule };
    }
    return undefined;
  }

  /**
   * Buckets are per account and Region as in AWS. "aws" uses the real ECS groups; a custom rate makes one
   * bucket per rule, so {"*": {throttle}} limits all calls together.
   */
  private bucketFor(call: CallKey, ruleKey: string, rule: FaultRule): TokenBucket {
    const throttle = rule.throttle;
    const shape = throttle === "aws" || throttle === undefined ? awsBucketFor(call.service, call.operation) : undefined;
    const name = shape ? shape.name : `rule:${ruleKey}`;
    const key = `${call.account}/${call.region}/${name}`;
    let bucket = this.buckets.get(key);
    if (!bucket) {
      const rate = shape ?? (throttle as { ratePerSecond: number; burst: number });
      bucket = new TokenBucket(rate.ratePerSecond, rate.burst);
      this.buckets.set(key, bucket);
    }
    return bucket;
  }
}
