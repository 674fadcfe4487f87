import type { HTMLAttributes, ReactNode, Ref, TdHTMLAttributes } from "react";

/*
 * A table that turns into labelled cards on narrow screens instead of scrolling sideways. The explicit roles
 * keep it a table for screen readers once CSS changes its display.
 */
type Column = string | { label: string; visuallyHidden: true };

export function StackTable({
  caption,
  columns,
  busy,
  children,
}: {
  caption: string;
  columns: Column[];
  busy?: boolean;
  children: ReactNode;
}) {
  return (
    <div className="rounded-lg border border-slate-200 bg-white dark:border-slate-700 dark:bg-slate-900">
      <table role="table" className="w-full text-left text-sm max-md:block" aria-busy={busy}>
        <caption className="sr-only">{caption}</caption>
        <thead
          role="rowgroup"
          className="bg-slate-50 text-xs tracking-wide text-slate-700 uppercase max-md:sr-only dark:bg-slate-800 dark:text-slate-300"
        >
          <tr role="row">
            {columns.map((c) =>
              typeof c === "string" ? (
                <th key={c} role="columnheader" scope="col" className="px-3 py-2 font-semibold">
                  {c}
                </th>
              ) : (
                <th key={c.label} role="columnheader" scope="col" className="w-8 px-3 py-2">
                  <span className="sr-only">{c.label}</span>
                </th>
              ),
            )}
          </tr>
        </thead>
        <tbody role="rowgroup" className="divide-y divide-slate-100 max-md:block dark:divide-slate-800">
          {children}
        </tbody>
      </table>
    </div>
  );
}

/** A row, a card when stacked; extra attributes (focus, `data-current`, a ref) reach the `<tr>`. */
export function StackRow({
  children,
  className = "",
  ref,
  ...rest
}: HTMLAttributes<HTMLTableRowElement> & { ref?: Ref<HTMLTableRowElement> }) {
  return (
    <tr
      role="row"
      ref={ref}
      className={`align-top hover:bg-slate-50 max-md:block max-md:py-2 dark:hover:bg-slate-800/60 ${className}`}
      {...rest}
    >
      {children}
    </tr>
  );
}

// Stacked (narrow screens), a cell is a flex row whose ::before shows its column's name from data-label.
const CELL = [
  "px-3 py-2 max-md:flex max-md:gap-3 max-md:py-1",
  "max-md:before:w-20 max-md:before:shrink-0 max-md:before:text-xs max-md:before:font-sans max-md:before:font-semibold",
  "max-md:before:text-slate-600 max-md:before:uppercase dark:max-md:before:text-slate-400 max-md:before:content-[attr(data-label)]",
].join(" ");

/** A cell; `label` is its column's name, shown beside the value only when stacked. */
export function StackCell({ label, className = "", children, ...rest }: TdHTMLAttributes<HTMLTableCellElement> & { label: string }) {
  return (
    <td role="cell" data-label={label} className={`${CELL} ${className}`} {...rest}>
      {children}
    </td>
  );
}

export function StackMessage({ span, children }: { span: number; children: ReactNode }) {
  return (
    <tr role="row" className="max-md:block">
      <td role="cell" colSpan={span} className="px-3 py-8 text-center text-slate-600 max-md:block dark:text-slate-400">
        {children}
      </td>
    </tr>
  );
}
