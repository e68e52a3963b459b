"use client";

import Link from "next/link";
import { Button } from "@/components/ui/button";

/**
 * Unexpected failures while rendering a page. In production Next replaces server error messages
 * with a digest, so we never show a stack trace: we say what to do and give the digest to quote.
 */
export default function ErrorPage({ error, retry }: { error: unknown; retry: () => void }) {
  const digest = error instanceof Error && "digest" in error && typeof error.digest === "string" ? error.digest : undefined;
  return (
    <div role="alert" className="mx-auto max-w-xl py-16">
      <p className="font-mono text-xs font-semibold tracking-wider text-danger">SOMETHING WENT WRONG</p>
      <h1 className="mt-2 text-xl font-semibold tracking-tight">This view could not be loaded</h1>
      <p className="mt-2 text-muted">
        Steady State could not build this page, usually because AWS did not answer in time or refused a request. Other pages may still work. Try
        again in a few seconds; if it keeps failing, check the dashboard&apos;s server log
        {digest ? (
          <>
            {" "}
            for error <code className="font-mono text-xs">{digest}</code>
          </>
        ) : null}
        .
      </p>
      <p className="mt-6 flex items-center gap-4">
        <Button type="button" variant="primary" onClick={() => retry()}>
          Try again
        </Button>
        <Link href="/" className="text-accent hover:underline">
          Back to the overview
        </Link>
      </p>
    </div>
  );
}
