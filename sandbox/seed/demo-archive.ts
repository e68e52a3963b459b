// The demo's archived image: an older prod- image of payments moved to ECR's archive storage class a
// few days before the end, so a rollback to it fails to pull (aws-behaviour.md §8.5).
import { PAYMENTS_ARCHIVED_DAYS_BEFORE_END, PAYMENTS_ARCHIVED_TAG } from "./demo-facts";
import type { SeedEvent } from "./demo-history";

const DAY = 24 * 3600 * 1000;

export function archiveEvent(end: number): SeedEvent {
  return {
    at: end - PAYMENTS_ARCHIVED_DAYS_BEFORE_END * DAY,
    run: (driver) => {
      driver.ecr("UpdateImageStorageClass", { repositoryName: "payments", imageId: { imageTag: PAYMENTS_ARCHIVED_TAG }, targetStorageClass: "ARCHIVE" });
    },
  };
}
