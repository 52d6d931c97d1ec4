"use client";

import { useEffect } from "react";

const ROW = "[data-series-row]";
const ROW_LINK = "a[data-row-link]";

function typingIn(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName);
}

function moveFocus(step: 1 | -1): void {
  const rows = Array.from(document.querySelectorAll<HTMLElement>(ROW));
  if (rows.length === 0) return;
  const current = rows.findIndex((row) => row.contains(document.activeElement));
  const target = current < 0 ? (step > 0 ? 0 : rows.length - 1) : current + step;
  rows[Math.max(0, Math.min(rows.length - 1, target))]?.querySelector<HTMLElement>(ROW_LINK)?.focus();
}

/**
 * List shortcuts as in mail readers: j/k move between rows (focusing the row's title
 * link, so Enter opens it and the focus ring shows where one is), o opens, / searches.
 * Nothing is rendered; keys typed into a field or with a modifier are left alone.
 */
export function ListKeyboard() {
  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
      if (typingIn(event.target)) return;
      if (event.key === "j" || event.key === "k") {
        event.preventDefault();
        moveFocus(event.key === "j" ? 1 : -1);
      } else if (event.key === "o") {
        const row = document.activeElement?.closest(ROW);
        const link = row?.querySelector<HTMLElement>(ROW_LINK);
        if (link) {
          event.preventDefault();
          link.click();
        }
      } else if (event.key === "/") {
        const box = document.getElementById("list-search") ?? document.getElementById("site-search");
        if (box) {
          event.preventDefault();
          box.focus();
        }
      }
    }
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, []);
  return null;
}
