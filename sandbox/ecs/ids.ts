// Deterministic identifiers. AWS ids are random; the sandbox derives them from a per-region counter
// hashed with the account and region, so the same calls always produce the same ids (reproducible seeds
// and tests) while still looking like real ones.
import { createHash } from "node:crypto";

const LONG_MAX = 9223372036854775807n;

export class IdSource {
  private counter = 0;

  constructor(private readonly seed: string) {}

  private hex(kind: string): string {
    this.counter += 1;
    return createHash("sha256").update(`${this.seed}/${kind}/${this.counter}`).digest("hex");
  }

  /** 32 hex characters, as in `task/{cluster}/0668…d053`. */
  taskId(): string {
    return this.hex("task").slice(0, 32);
  }

  uuid(): string {
    const h = this.hex("uuid");
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
  }

  /**
   * The 19 digits of an `ecs-svc/` id. Real ids are Long.MAX minus a timestamp (ecs-svc/9223370564341623665
   * is 2016-08-29); we subtract the creation time in µs-like units plus the counter so ids stay unique.
   */
  deploymentNumber(now: number): string {
    this.counter += 1;
    return (LONG_MAX - BigInt(Math.max(0, Math.floor(now))) * 1000n - BigInt(this.counter % 1000)).toString();
  }

  /** The last segment of a service-deployment ARN (real ones look like `NCWGC2ZR-taw4FC2EXAMPLE`). */
  serviceDeploymentId(): string {
    return Buffer.from(this.hex("sd"), "hex").toString("base64url").slice(0, 22);
  }
}
