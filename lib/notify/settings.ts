// What enqueueing needs to know: the configured targets and the dashboard's public URL (NEXTAUTH_URL,
// required at start-up by lib/auth/startup-refusal.ts) for the links in a message. A URL that does not
// parse gives messages without links rather than links that lead nowhere.
import type { AppConfig, NotificationTarget } from "@/lib/config";

export interface NotifySettings {
  targets: readonly NotificationTarget[];
  publicUrl?: string;
}

type Env = Readonly<Record<string, string | undefined>>;

export function notifySettings(config: Pick<AppConfig, "notifications">, env: Env = process.env): NotifySettings {
  const base = env.NEXTAUTH_URL?.trim();
  let publicUrl: string | undefined;
  try {
    if (base && /^https?:$/.test(new URL(base).protocol)) publicUrl = base.replace(/\/+$/, "");
  } catch {
    publicUrl = undefined;
  }
  return { targets: config.notifications, ...(publicUrl && { publicUrl }) };
}

/** `path` (starting with "/") on the dashboard's public URL, or undefined without one. */
export function dashboardLink(settings: NotifySettings, path: string): string | undefined {
  return settings.publicUrl && `${settings.publicUrl}${path}`;
}
