"use client";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Field, inputClass } from "@/components/ui/field";
import { REFUSAL_TEMPLATES } from "@/lib/schemas/application";

/** Asks for an optional reason, offering templates; the requester sees the reason in their app. */
export function RefuseDialog({ open, count, onOpenChange, onConfirm }: { open: boolean; count: number; onOpenChange: (o: boolean) => void; onConfirm: (reason: string | undefined) => void }) {
  const [reason, setReason] = useState("");
  return (
    <Dialog
      open={open}
      onOpenChange={(o) => {
        if (o) setReason("");
        onOpenChange(o);
      }}
      title={count === 1 ? "Refuse this application?" : `Refuse ${count} applications?`}
      description="The requester is told, with your reason if you give one."
    >
      <div className="flex flex-col gap-3">
        <Field label="Reason (optional)">{(p) => <textarea {...p} rows={3} className={inputClass} value={reason} onChange={(e) => setReason(e.target.value)} />}</Field>
        <div role="group" aria-label="Reason templates" className="flex flex-wrap gap-2">
          {REFUSAL_TEMPLATES.map((t) => (
            <button key={t} type="button" className="rounded-full border border-slate-300 px-2.5 py-1 text-left text-xs hover:bg-slate-100" onClick={() => setReason(t)}>
              {t}
            </button>
          ))}
        </div>
        <div className="flex justify-end gap-2">
          <Button onClick={() => onOpenChange(false)}>Cancel</Button>
          <Button
            variant="primary"
            className="bg-red-700 hover:bg-red-800"
            onClick={() => {
              onConfirm(reason.trim() || undefined);
              onOpenChange(false);
            }}
          >
            Refuse
          </Button>
        </div>
      </div>
    </Dialog>
  );
}
