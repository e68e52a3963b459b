// The theme preference lives in a cookie so the server can write it into <html data-theme> and the
// first paint already has the right colours (no flash). No cookie means "follow the system".

export const THEME_COOKIE = "ss-theme";
export type ThemePreference = "system" | "light" | "dark";

export function parseThemePreference(value: string | undefined): ThemePreference {
  return value === "light" || value === "dark" ? value : "system";
}
