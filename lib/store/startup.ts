// The store at server start-up: a database that does not answer stops start-up (the task fails its
// deployment and ECS says why) instead of a replica that serves pages but refuses every change. A few
// tries first, because a database and the dashboard are often started together. Later outages do not
// stop the server: /api/ready answers 503 until the database is back, and changes are refused meanwhile.
import { ConfigError } from "@/lib/config/config-error";
import { logError } from "@/lib/observability/logger";
import { redactDatabaseUrl } from "./database-url";
import { getStore, type Store } from "./store";

export interface StartupWait {
  attempts: number;
  delayMs: number;
}

const DEFAULT_WAIT: StartupWait = { attempts: 4, delayMs: 1500 };

function named(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const code = (error as { code?: unknown }).code;
  return typeof code === "string" && !message.includes(code) ? `${code} ${message}`.trim() : message || "no answer";
}

/** The migrated store, or a ConfigError naming DATABASE_URL (password hidden) after `attempts` tries. */
export async function storeAtStartup(databaseUrl: string | undefined, wait: StartupWait = DEFAULT_WAIT): Promise<Store> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await getStore();
    } catch (error) {
      // A URL we cannot use will not get better by waiting.
      if (error instanceof ConfigError) throw error;
      if (attempt >= wait.attempts) {
        const shown = databaseUrl?.trim() ? redactDatabaseUrl(databaseUrl.trim()) : "unset: the default SQLite file";
        throw new ConfigError(`DATABASE_URL (${shown}): the database does not answer after ${attempt} tries: ${named(error)}`);
      }
      await new Promise((resolve) => setTimeout(resolve, wait.delayMs));
    }
  }
}

const BACKGROUND_RETRY_MS = 5000;

/**
 * For background jobs (follower, notifications): the store once it answers, retrying every 5 s and saying
 * so as `who`; undefined when `stopping` turns true first (shutdown began while the database was down).
 */
export async function storeWhenItAnswers(who: string, stopping: () => boolean = () => false): Promise<Store | undefined> {
  while (!stopping()) {
    try {
      return await getStore();
    } catch (error) {
      logError(`${who}: the database does not answer; retrying in ${BACKGROUND_RETRY_MS / 1000} s`, error);
      await new Promise((resolve) => setTimeout(resolve, BACKGROUND_RETRY_MS).unref());
    }
  }
  return undefined;
}
