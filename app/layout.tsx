import type { Metadata } from "next";
import type { ReactNode } from "react";

import { SiteHeader } from "./_components/site-header";

import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Patchwatch", template: "%s · Patchwatch" },
  description: "Patch series on the mailing lists: versions, reviews, who to ping",
  icons: { icon: "/favicon.svg" },
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen bg-white text-zinc-900 antialiased dark:bg-zinc-950 dark:text-zinc-100">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-10 focus:rounded focus:bg-sky-700 focus:px-3 focus:py-1 focus:text-white"
        >
          Skip to content
        </a>
        <SiteHeader />
        <main id="main" tabIndex={-1} className="mx-auto max-w-6xl px-4 py-5 focus:outline-none">
          {children}
        </main>
      </body>
    </html>
  );
}
