// lib/deploy: the verbs that change AWS, each (ctx, input), and the follower that watches what they started.
export { deployContext, type DeployContext } from "./context";
export { planOperation, type PlanView } from "./plan-operation";
export { startOperation, type StartInput, type Started } from "./start-operation";
export { stopRollout, type StopInput, type Stopped } from "./stop-rollout";
export { operationView, type OperationView } from "./operation-view";
export { planRestore, type RestorePlanService, type RestorePlanView } from "./plan-restore";
export { startRestore, type RestoreStartInput, type RestoreStarted } from "./start-restore";
export { stopRestore, type ChildStop, type RestoreStopInput, type RestoreStopped } from "./stop-restore";
export * from "./restore-input";
export { findOperationView, listOperationViews, stopsOfService, type OperationViewPage } from "./operation-queries";
export * from "./operation-list-input";
export { Follower } from "./follower/follower";
export { startServerFollower } from "./follower/server-follower";
export * from "./operation-input";
export type { ContainerVersion, Version } from "./version";
