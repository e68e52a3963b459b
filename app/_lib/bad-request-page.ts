// The 400 page proxy.ts returns for a malformed URL. It is a plain HTML string because the proxy
// answers before any React rendering; it follows the system theme and links back to safety.

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c);

export function badRequestHtml(reason: string, path: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>Bad request · Steady State</title>
<style>
  :root { color-scheme: light dark; font: 14px/1.5 system-ui, sans-serif; }
  body { margin: 0; display: grid; place-items: center; min-height: 100vh; background: light-dark(#f8f9fb, #15171c); color: light-dark(#1a1d24, #eceef2); }
  main { max-width: 34rem; padding: 2rem; }
  p.code { font: 600 12px ui-monospace, monospace; color: light-dark(#b42318, #f97066); margin: 0 0 .5rem; letter-spacing: .05em; }
  h1 { font-size: 1.25rem; margin: 0 0 .75rem; }
  code { font: 12px ui-monospace, monospace; word-break: break-all; }
  .reason { padding: .75rem 1rem; border-radius: 6px; border: 1px solid light-dark(#fecdca, #7a271a); background: light-dark(#fef3f2, #2b1614); }
  a { color: light-dark(#2e5bdb, #84a9ff); }
</style>
</head>
<body>
<main>
  <p class="code">400 BAD REQUEST</p>
  <h1>This address is not valid</h1>
  <p class="reason">${escapeHtml(reason)}</p>
  <p>Requested: <code>${escapeHtml(path)}</code></p>
  <p><a href="/">Back to the overview</a> · <a href="/repositories">Repositories</a></p>
</main>
</body>
</html>`;
}
