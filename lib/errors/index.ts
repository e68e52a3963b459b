// User-facing error types and their one mapping to responses (see docs/architecture.md, lib/errors).
export * from "./kinds";
export { describeError, type DescribedError, type ErrorBody, type ErrorCode } from "./describe-error";
