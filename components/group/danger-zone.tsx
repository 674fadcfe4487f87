"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Field, inputClass } from "@/components/ui/field";
import { MutationError } from "@/components/ui/mutation-error";
import { Panel } from "@/components/ui/panel";
import { useDismissGroup } from "@/lib/client/group-detail";
import type { Group } from "@/lib/schemas/group";

/** Dismissing cannot be undone: say what will be lost, and ask for the group ID to be typed. */
export function DangerZone({ group }: { group: Group }) {
  const router = useRouter();
  const dismiss = useDismissGroup(group.id);
  const [open, setOpen] = useState(false);
  const [typed, setTyped] = useState("");
  const [done, setDone] = useState(false);
  const pending = group.pendingApplications ?? 0;

  return (
    <Panel title="Dismiss group">
      <p className="text-sm text-slate-700">Every member is told the group was dismissed. This cannot be undone.</p>
      <Button className="mt-3 border-red-300 text-red-800 hover:bg-red-50" onClick={() => setOpen(true)}>
        Dismiss this group…
      </Button>
      <Dialog
        open={open}
        onOpenChange={(o) => {
          setOpen(o);
          setTyped("");
          dismiss.reset();
        }}
        title={done ? "Group dismissed" : `Dismiss ${group.name}?`}
      >
        {done ? (
          <div className="flex flex-col gap-3 text-sm">
            <p role="status">
              “{group.name}” was dismissed. {group.memberCount.toLocaleString("en")} members were told; {pending} pending application{pending === 1 ? "" : "s"} closed with it.
            </p>
            <Button variant="primary" onClick={() => router.push("/groups")}>
              Back to groups
            </Button>
          </div>
        ) : (
          <div className="flex flex-col gap-3 text-sm">
            <p>This will be lost:</p>
            <ul className="list-disc pl-5">
              <li>{group.type === "AVChatRoom" ? "everyone currently in the room" : `${group.memberCount.toLocaleString("en")} members and their roles`}</li>
              <li>
                {pending} pending application{pending === 1 ? "" : "s"}
              </li>
              <li>the group&apos;s profile, notification and history</li>
            </ul>
            <Field label={`Type the group ID (${group.id}) to confirm`}>
              {(p) => <input {...p} className={`${inputClass} font-mono`} value={typed} onChange={(e) => setTyped(e.target.value)} autoComplete="off" />}
            </Field>
            <MutationError error={dismiss.error} />
            <div className="flex justify-end gap-2">
              <Button onClick={() => setOpen(false)}>Cancel</Button>
              <Button variant="primary" className="bg-red-700 hover:bg-red-800 disabled:bg-red-300" disabled={typed !== group.id || dismiss.isPending} onClick={() => dismiss.mutate(undefined, { onSuccess: () => setDone(true) })}>
                {dismiss.isPending ? "Dismissing…" : "Dismiss group"}
              </Button>
            </div>
          </div>
        )}
      </Dialog>
    </Panel>
  );
}
