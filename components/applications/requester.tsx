"use client";
import { useAllowedFace } from "@/components/face-hosts";
import type { Application } from "@/lib/schemas/application";

export function Requester({ application: a }: { application: Application }) {
  const face = useAllowedFace(a.requesterFaceUrl);
  return (
    <div className="flex items-center gap-2">
      {face ? (
        // eslint-disable-next-line @next/next/no-img-element -- faces are external URLs set in the IM app, from the hosts FACE_HOSTS allows
        <img src={face} alt="" className="h-8 w-8 shrink-0 rounded-full object-cover" referrerPolicy="no-referrer" />
      ) : (
        <span
          aria-hidden="true"
          className="flex h-8 w-8 shrink-0 items-center justify-center rounded-full bg-slate-200 text-sm font-semibold text-slate-700 dark:bg-slate-700 dark:text-slate-100"
        >
          {Array.from(a.requesterNickname || a.requesterId)[0]}
        </span>
      )}
      <span className="min-w-0">
        <span className="block font-medium [overflow-wrap:anywhere]">{a.requesterNickname || a.requesterId}</span>
        <span className="block font-mono text-xs break-all text-slate-600 dark:text-slate-400">{a.requesterId}</span>
      </span>
    </div>
  );
}
