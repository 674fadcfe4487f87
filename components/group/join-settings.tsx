"use client";
import { useState } from "react";
import { JOIN_LABEL } from "@/components/groups/labels";
import { Button } from "@/components/ui/button";
import { MutationError } from "@/components/ui/mutation-error";
import { Panel } from "@/components/ui/panel";
import { useUpdateGroup } from "@/lib/client/group-detail";
import { JOIN_OPTIONS, joinOptionRefusal, type Group, type JoinOption } from "@/lib/schemas/group";

const EXPLAIN: Record<JoinOption, string> = {
  FreeAccess: "Anyone who asks to join is in at once.",
  NeedPermission: "Users apply; the owner or an admin approves each application.",
  DisableApply: "Nobody can apply; members must invite.",
};

/** The join option editor knows the type: it offers only what the type allows and says why the rest is not. */
export function JoinSettings({ group, canEdit }: { group: Group; canEdit: boolean }) {
  const update = useUpdateGroup(group.id);
  const [choice, setChoice] = useState<JoinOption>(group.joinOption);
  const [saved, setSaved] = useState(false);
  const editable = canEdit && JOIN_OPTIONS.filter((o) => !joinOptionRefusal(group.type, o)).length > 1;

  return (
    <Panel title="Join settings">
      <fieldset disabled={!editable || update.isPending} className="flex flex-col gap-2">
        <legend className="sr-only">Who may join {group.name}</legend>
        {JOIN_OPTIONS.map((option) => {
          const refusal = joinOptionRefusal(group.type, option);
          const id = `join-${option}`;
          return (
            <div key={option} className={`rounded-md border p-2 ${choice === option ? "border-indigo-400 bg-indigo-50" : "border-slate-200"}`}>
              <label htmlFor={id} className={`flex items-start gap-2 text-sm ${refusal ? "text-slate-500" : ""}`}>
                <input
                  id={id}
                  type="radio"
                  name="joinOption"
                  value={option}
                  checked={choice === option}
                  disabled={Boolean(refusal)}
                  aria-describedby={`${id}-why`}
                  onChange={() => {
                    setChoice(option);
                    setSaved(false);
                  }}
                  className="mt-1"
                />
                <span>
                  <span className="font-medium">{JOIN_LABEL[option]}</span>
                  <span id={`${id}-why`} className="block text-xs text-slate-600">
                    {refusal ?? EXPLAIN[option]}
                  </span>
                </span>
              </label>
            </div>
          );
        })}
      </fieldset>
      {!editable && canEdit && <p className="mt-2 text-xs text-slate-600">The join option of a {group.type} group is fixed.</p>}
      {editable && (
        <div className="mt-3 flex items-center gap-3">
          <Button
            variant="primary"
            disabled={choice === group.joinOption || update.isPending}
            onClick={() =>
              update.mutate(
                { joinOption: choice },
                { onSuccess: () => setSaved(true), onError: () => setChoice(group.joinOption) },
              )
            }
          >
            {update.isPending ? "Saving…" : "Save join option"}
          </Button>
          {saved && !update.isPending && (
            <span role="status" className="text-sm text-emerald-800">
              Saved: {JOIN_LABEL[group.joinOption]}
            </span>
          )}
        </div>
      )}
      <div className="mt-2">
        <MutationError error={update.error} />
      </div>
    </Panel>
  );
}
