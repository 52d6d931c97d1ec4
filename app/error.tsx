"use client";

// Users see a clear sentence, never a stack trace; the server log has the cause.
export default function ErrorPage({ error }: { error: Error & { digest?: string } }) {
  return (
    <div
      role="alert"
      className="rounded border border-red-300 bg-red-50 p-4 text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-100"
    >
      <h1 className="font-semibold">Something went wrong while loading this page.</h1>
      <p className="mt-2 text-sm">
        Try again in a moment. {error.digest ? `Reference: ${error.digest}` : null}
      </p>
    </div>
  );
}
