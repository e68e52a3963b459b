// Runs once when a dashboard server starts. A bad configuration stops start-up here, with the
// message naming the field, instead of surfacing on the first request an on-call engineer makes;
// and the AWS clients are built now so that first request does not pay for loading the SDK.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  const { ConfigError, getConfig } = await import("@/lib/config");
  try {
    const { prepareClients } = await import("@/lib/aws");
    prepareClients(getConfig());
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(`Steady State cannot start: ${error.message}`);
    process.exit(1);
  }
}
