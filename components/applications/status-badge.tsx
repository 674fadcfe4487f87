import type { Application } from "@/lib/schemas/application";

const STYLE: Record<Application["status"], string> = {
  pending: "bg-amber-100 text-amber-900",
  approved: "bg-emerald-100 text-emerald-900",
  refused: "bg-red-100 text-red-900",
};

export function StatusBadge({ application: a }: { application: Application }) {
  return (
    <span className={`rounded px-1.5 py-0.5 text-xs font-medium ${STYLE[a.status]}`}>
      {a.status}
      {a.handledBy ? ` by ${a.handledBy}` : ""}
    </span>
  );
}
