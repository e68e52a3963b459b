// lib/store: the database behind operations, the audit trail and per-service locks. Only lib/deploy and
// lib/queries import it (eslint.config.mjs).
export { getStore, createStore, closeServerStore, type Store } from "./store";
export { assertReachable } from "./reachable";
export { storeAtStartup, storeWhenItAnswers } from "./startup";
export { parseDatabaseUrl, DEFAULT_SQLITE_PATH, type DatabaseTarget } from "./database-url";
export { StoreInputError } from "./input";
export { acquireServiceLock, releaseServiceLock, getServiceLock, serviceKey, type LockHolder, type LockResult } from "./service-locks";
export {
  createOperation,
  findByIdempotencyKey,
  getOperation,
  updateOperation,
  type NewOperation,
  type CreateOperationResult,
  type OperationPatch,
  type UpdateGuard,
} from "./operations";
export { childrenOf, cursorAfter, listOperations, operationsOfServiceDeployments, MAX_PAGE_SIZE, type OperationFilters, type PageRequest, type OperationPage } from "./list-operations";
export { appendAudit, listAuditForOperation, type NewAuditEvent } from "./audit";
export { claimFollowable, renewLease, renewLeases, releaseLease, releaseAllLeases, type LeaseRequest } from "./leases";
export { enqueueDeliveries, claimDueDeliveries, getOutboxDelivery, recordAttempt, nextDueAt, MAX_CLAIM, type AttemptResult } from "./outbox";
export { listDeliveries, deliveryCounts, MAX_DELIVERY_PAGE, type DeliveryPage } from "./outbox-log";
export { holdLeadership, releaseLeadership } from "./outbox-leader";
export * from "./outbox-types";
export * from "./types";
