/** The shape of lib/errors' UserFacingError, kept structural so any error-like value renders. */
interface CalloutError {
  message: string;
  action?: string;
}

/**
 * A failure of one part of the page (an environment, a cluster) that leaves the rest usable.
 * role="alert" so screen readers announce it when it appears during a refresh.
 */
export function ErrorCallout({ title, error }: { title: string; error: CalloutError }) {
  return (
    <div role="alert" className="flex gap-2.5 rounded-md border border-danger/30 bg-danger-soft px-3 py-2 text-danger">
      <svg aria-hidden viewBox="0 0 16 16" className="mt-0.5 size-4 shrink-0" fill="currentColor">
        <path d="M8 1.5a6.5 6.5 0 1 0 0 13 6.5 6.5 0 0 0 0-13ZM7.25 4.75h1.5v4.5h-1.5v-4.5Zm0 6h1.5v1.5h-1.5v-1.5Z" />
      </svg>
      <div className="min-w-0">
        <p className="font-medium">{title}</p>
        <p className="text-fg/90">{error.message}</p>
        {error.action !== undefined && <p className="text-xs text-muted">{error.action}</p>}
      </div>
    </div>
  );
}
