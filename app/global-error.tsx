"use client";

import "./globals.css";

/** Last resort when the root layout itself fails (e.g. invalid configuration): no stack trace, a way back. */
export default function GlobalError({ retry }: { error: unknown; retry: () => void }) {
  return (
    <html lang="en">
      <body className="grid min-h-dvh place-items-center bg-bg font-sans text-fg">
        <title>Error · Steady State</title>
        <main role="alert" className="max-w-lg p-8">
          <h1 className="text-xl font-semibold">Steady State could not start this page</h1>
          <p className="mt-2 text-muted">
            The dashboard failed before it could render. This is often a configuration problem: the server log names the field to fix.
          </p>
          <button type="button" onClick={() => retry()} className="mt-6 h-8 rounded-md bg-accent px-3 text-xs font-medium text-bg">
            Try again
          </button>
        </main>
      </body>
    </html>
  );
}
