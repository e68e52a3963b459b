// What `npm run screenshots` takes: four pages, each in light and dark on a desktop and a phone, as
// docs/screenshots/<page>-<theme>-<device>.png. README.md shows some of them; the unit test checks that
// every image it shows is one of these.
import type { BrowserContextOptions } from "@playwright/test";

export const PAGES = ["overview", "rollback-plan", "operation", "timeline"] as const;
export const THEMES = ["light", "dark"] as const;
export const DEVICES = ["desktop", "phone"] as const;

export type ShotPage = (typeof PAGES)[number];
export type Theme = (typeof THEMES)[number];
export type Device = (typeof DEVICES)[number];

export interface Variant {
  theme: Theme;
  device: Device;
}

export const SCREENSHOTS_DIR = "docs/screenshots";

// Desktop at 1× and the phone at 2× (a phone's real density) keeps each PNG to a few hundred KB.
const DEVICE_OPTIONS: Record<Device, BrowserContextOptions> = {
  desktop: { viewport: { width: 1440, height: 900 }, deviceScaleFactor: 1 },
  phone: { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true },
};

export const VARIANTS: readonly Variant[] = THEMES.flatMap((theme) => DEVICES.map((device) => ({ theme, device })));

export function contextOptions({ theme, device }: Variant): BrowserContextOptions {
  return { ...DEVICE_OPTIONS[device], colorScheme: theme, reducedMotion: "reduce" };
}

export function shotFile(page: ShotPage, { theme, device }: Variant): string {
  return `${SCREENSHOTS_DIR}/${page}-${theme}-${device}.png`;
}

export const variantLabel = ({ theme, device }: Variant) => `${theme} ${device}`;

/** Every file the script writes, in the order it writes them. */
export const allShotFiles = (): string[] => PAGES.flatMap((page) => VARIANTS.map((variant) => shotFile(page, variant)));
