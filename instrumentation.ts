// Runs once when a dashboard server starts. A bad configuration stops start-up here, with the
// message naming the field, instead of surfacing on the first request an on-call engineer makes;
// and the AWS clients are built and checked now (lib/aws/startup-check.ts), so a wrong role or
// endpoint is in the log at deploy time and the first request does not pay for the SDK's first call.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  const { startServer } = await import("./instrumentation-node");
  startServer();
}
