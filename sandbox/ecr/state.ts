// The ECR model of one account+region: repositories and their images, scans, lifecycle policies and
// previews, advanced deterministically on the sandbox clock (EcrRegionState in core/operation.ts).
import type { EcrRegionState, PushImageInput } from "../core/operation";
import { imageNotFound, repositoryAlreadyExists, repositoryNotFound } from "./errors";
import type { ImageRecord } from "./images";
import { parseImageUri } from "./image-uri";
import { nextDueAt, runDue } from "./lifecycle/schedule";
import { parseLifecyclePolicy } from "./lifecycle/validate";
import { buildManifest } from "./manifest";
import { pushManifest } from "./push";
import { Repository, validateRepositoryName, type RepositorySettings, type ScanType } from "./repositories";
import { startScan } from "./scanning";
import { imageStatus, isActive } from "./storage-class";

const DEFAULT_IMAGE_SIZE = 48_000_000;

export class EcrRegion implements EcrRegionState {
  readonly account: string;
  readonly region: string;
  private readonly repositories = new Map<string, Repository>();
  /** The time of the last advanceTo: the default push time of seeded images. */
  private clock: number;
  /** Nothing is due before this time, so advanceTo is a comparison until then. */
  private nextDue = Infinity;
  private pushCount = 0;

  constructor(options: { account: string; region: string; now?: number }) {
    this.account = options.account;
    this.region = options.region;
    this.clock = options.now ?? 0;
  }

  advanceTo(now: number): void {
    this.clock = now;
    if (now < this.nextDue) return;
    this.nextDue = Infinity;
    for (const repo of this.repositories.values()) {
      runDue(repo, now);
      this.nextDue = Math.min(this.nextDue, nextDueAt(repo));
    }
  }

  /** Call after a repository gained something due later (a policy, a preview). */
  reschedule(repo: Repository): void {
    this.nextDue = Math.min(this.nextDue, nextDueAt(repo));
  }

  createRepository(settings: Omit<RepositorySettings, "createdAt"> & { createdAt?: number }): Repository {
    validateRepositoryName(settings.name);
    if (this.repositories.has(settings.name)) throw repositoryAlreadyExists(settings.name, this.account);
    const repo = new Repository({ ...settings, createdAt: settings.createdAt ?? this.clock });
    this.repositories.set(repo.name, repo);
    return repo;
  }

  /**
   * The repository, or RepositoryNotFoundException naming the registry asked for. Emulator choice:
   * cross-account registries are not modelled, so another registryId never has repositories.
   */
  repository(name: string, registryId: string = this.account): Repository {
    const repo = registryId === this.account ? this.repositories.get(name) : undefined;
    if (!repo) throw repositoryNotFound(name, registryId);
    return repo;
  }

  listRepositories(): Repository[] {
    return [...this.repositories.values()];
  }

  /** PutLifecyclePolicy, also for the seed (which may backdate `lastEvaluatedAt` to bring expiry closer). */
  putLifecyclePolicy(repositoryName: string, text: string, options: { now?: number; lastEvaluatedAt?: number } = {}): Repository {
    const repo = this.repository(repositoryName);
    const rules = parseLifecyclePolicy(text);
    const putAt = repo.policy?.putAt ?? options.now ?? this.clock;
    repo.policy = { text, rules, putAt, lastEvaluatedAt: options.lastEvaluatedAt ?? repo.policy?.lastEvaluatedAt };
    this.reschedule(repo);
    return repo;
  }

  resolveImage(imageUri: string): { digest: string; crashing: boolean } | undefined {
    const image = this.imageAt(imageUri);
    // An archived (or still activating) image cannot be pulled: ECR answers 404, as for a missing one.
    if (!image || !isActive(image, this.clock)) return undefined;
    image.lastRecordedPullTime = this.clock;
    return { digest: image.digest, crashing: image.crashing };
  }

  isArchived(imageUri: string): boolean {
    const image = this.imageAt(imageUri);
    return image !== undefined && !isActive(image, this.clock);
  }

  private imageAt(imageUri: string): ImageRecord | undefined {
    const uri = parseImageUri(imageUri);
    if (!uri || uri.account !== this.account || uri.region !== this.region) return undefined;
    const repo = this.repositories.get(uri.repositoryName);
    return uri.digest ? repo?.images.get(uri.digest) : repo?.images.byTagName(uri.tag ?? "latest");
  }

  pushImage(input: PushImageInput): { digest: string } {
    const repo = this.repository(input.repositoryName);
    const pushedAt = input.pushedAt ?? this.clock;
    this.pushCount += 1;
    const seed = input.contentSeed ?? `${repo.name}|${input.tags.join(",")}|${pushedAt}|${this.pushCount}`;
    const image = pushManifest(repo, this.account, {
      manifest: buildManifest(seed, input.sizeInBytes ?? DEFAULT_IMAGE_SIZE),
      tags: input.tags,
      pushedAt,
      strict: false,
      sizeInBytes: input.sizeInBytes,
      findings: input.findings,
      crashing: input.crashing,
      scanned: input.scanned,
    });
    return { digest: image.digest };
  }

  markCrashing(repositoryName: string, digestOrTag: string, crashing: boolean): { digest: string } {
    const repo = this.repository(repositoryName);
    const image = this.findImage(repo, digestOrTag);
    image.crashing = crashing;
    return { digest: image.digest };
  }

  /** Emulator choice: switching to ENHANCED starts a scan of every image that has none, as Inspector would. */
  setScanType(repositoryName: string, scanType: ScanType): void {
    const repo = this.repository(repositoryName);
    repo.scanType = scanType;
    if (scanType === "ENHANCED") for (const image of repo.images.values()) if (!image.scan) startScan(image, this.clock);
  }

  snapshot(): unknown {
    return {
      now: this.clock,
      repositories: this.listRepositories().map((repo) => ({
        repositoryName: repo.name,
        images: repo.images.size,
        untaggedImages: repo.images.list("UNTAGGED").length,
        crashingDigests: [...repo.images.values()].filter((image) => image.crashing).map((image) => image.digest),
        archivedImages: [...repo.images.values()]
          .filter((image) => image.storage)
          .map((image) => ({ digest: image.digest, imageStatus: imageStatus(image, this.clock) })),
        scanOnPush: repo.scanOnPush,
        scanType: repo.scanType,
        lifecyclePolicy: repo.policy ? { lastEvaluatedAt: repo.policy.lastEvaluatedAt ?? null } : null,
      })),
    };
  }

  private findImage(repo: Repository, digestOrTag: string): ImageRecord {
    const isDigest = digestOrTag.startsWith("sha256:");
    const image = isDigest ? repo.images.get(digestOrTag) : repo.images.byTagName(digestOrTag);
    if (!image) {
      throw imageNotFound(isDigest ? { imageDigest: digestOrTag } : { imageTag: digestOrTag }, repo.name, this.account);
    }
    return image;
  }
}
