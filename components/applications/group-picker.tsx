"use client";
import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useEffect, useId, useRef, useState } from "react";
import { inputClass } from "@/components/ui/field";
import { apiFetch } from "@/lib/client/fetcher";
import { useGroup } from "@/lib/client/group-detail";
import { groupKeys } from "@/lib/client/query-keys";
import type { Group } from "@/lib/schemas/group";
import type { Page } from "@/lib/schemas/page";

const SHOWN = 8;
const TYPING_PAUSE_MS = 250;

/**
 * Choose a group by searching the directory (its name, ID or owner), not by typing an exact ID. The WAI-ARIA
 * combobox pattern: focus stays in the input, arrows move the active option (aria-activedescendant), Enter
 * chooses it, Escape closes the list. A few lines of our own instead of a library, for the pages' JavaScript budget.
 */
export function GroupPicker({ value, onChange }: { value?: string; onChange: (groupId: string | undefined) => void }) {
  const t = useTranslations("Applications");
  const id = useId();
  const [text, setText] = useState("");
  const [query, setQuery] = useState("");
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const chosen = useGroup(value ?? "", Boolean(value));
  // Choosing swaps the input for the chosen group and its clear button, and clearing swaps them back: focus
  // follows to what took the place of the control the reader was on, never to the page's start.
  const input = useRef<HTMLInputElement>(null);
  const clear = useRef<HTMLButtonElement>(null);
  const focusNext = useRef<"input" | "clear" | null>(null);
  useEffect(() => {
    if (focusNext.current === "clear") clear.current?.focus();
    if (focusNext.current === "input") input.current?.focus();
    focusNext.current = null;
  }, [value]);

  useEffect(() => {
    const timer = setTimeout(() => setQuery(text.trim()), TYPING_PAUSE_MS);
    return () => clearTimeout(timer);
  }, [text]);

  const found = useQuery({
    queryKey: groupKeys.picker(query),
    queryFn: ({ signal }) =>
      apiFetch<Page<Group>>(`/api/groups?${new URLSearchParams({ q: query, sort: "name", limit: String(SHOWN) })}`, { signal }),
    enabled: open && query.length > 0,
    select: (p) => p.items,
  });
  const options = query ? (found.data ?? []) : [];
  const listId = `${id}-groups`;
  const optionId = (i: number) => `${id}-group-${i}`;

  function choose(group: Group) {
    onChange(group.id);
    setText("");
    setOpen(false);
    focusNext.current = "clear";
  }

  if (value)
    return (
      <div className="flex flex-col gap-1">
        <span id={`${id}-label`} className="text-sm font-medium">
          {t("group")}
        </span>
        <div
          className="flex items-center gap-2 rounded border border-slate-300 px-2 py-1.5 text-sm dark:border-slate-600"
          aria-labelledby={`${id}-label`}
        >
          <span className="max-w-[14rem] truncate" title={value}>
            {chosen.data?.name || value}
          </span>
          <button
            ref={clear}
            type="button"
            onClick={() => {
              onChange(undefined);
              focusNext.current = "input";
            }}
            aria-label={t("clearGroup", { group: chosen.data?.name || value })}
            className="rounded px-1 text-slate-600 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800"
          >
            ×
          </button>
        </div>
      </div>
    );

  return (
    <div className="relative flex flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium">
        {t("group")}
      </label>
      <input
        ref={input}
        id={id}
        role="combobox"
        aria-expanded={open && options.length > 0}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={open && options[active] ? optionId(active) : undefined}
        autoComplete="off"
        className={`${inputClass} w-56 max-w-full`}
        placeholder={t("allGroups")}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          setActive(0);
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onKeyDown={(e) => {
          if (e.key === "ArrowDown" || e.key === "ArrowUp") {
            e.preventDefault();
            setOpen(true);
            if (options.length > 0) setActive((i) => (i + (e.key === "ArrowDown" ? 1 : options.length - 1)) % options.length);
          } else if (e.key === "Enter" && open && options[active] && text.trim() === query) {
            // Only from the matches of what is typed now, not of what was typed before the pause.
            e.preventDefault();
            choose(options[active]);
          } else if (e.key === "Escape" && open) {
            e.preventDefault();
            e.stopPropagation();
            setOpen(false);
          }
        }}
      />
      <ul
        id={listId}
        role="listbox"
        aria-label={t("groupMatches")}
        hidden={!open || options.length === 0}
        className="absolute top-full z-20 mt-1 max-h-72 w-72 max-w-[90vw] overflow-y-auto rounded border border-slate-300 bg-white py-1 shadow-lg dark:border-slate-600 dark:bg-slate-900"
      >
        {options.map((g, i) => (
          <li
            key={g.id}
            id={optionId(i)}
            role="option"
            aria-selected={i === active}
            // Chosen on mouse down, before the input's blur closes the list.
            onMouseDown={(e) => {
              e.preventDefault();
              choose(g);
            }}
            onMouseMove={() => setActive(i)}
            className={`cursor-pointer px-3 py-1.5 text-sm ${i === active ? "bg-indigo-100 dark:bg-indigo-900/60" : ""}`}
          >
            <span className="block [overflow-wrap:anywhere]">{g.name || g.id}</span>
            <span className="block font-mono text-xs text-slate-600 dark:text-slate-400">
              {g.id} · {g.type}
            </span>
          </li>
        ))}
      </ul>
      <span className="sr-only" aria-live="polite">
        {open && query && found.data ? t("groupMatchCount", { count: options.length }) : ""}
      </span>
    </div>
  );
}
