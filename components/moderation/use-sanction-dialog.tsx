"use client";
import dynamic from "next/dynamic";
import { useState } from "react";
import type { SanctionKind, SanctionTarget } from "./sanction-dialog";

// Loaded on first use: most visits to a group's page mute nobody.
const SanctionDialog = dynamic(() => import("./sanction-dialog"), { ssr: false });

/** Opens the mute or ban dialog for a member (or for IDs typed in it); `dialog` goes anywhere in the tree. */
export function useSanctionDialog(groupId: string, groupName: string) {
  const [state, setState] = useState<{ kind: SanctionKind; target: SanctionTarget; open: boolean } | null>(null);
  return {
    open: (kind: SanctionKind, target: SanctionTarget) => setState({ kind, target, open: true }),
    dialog: state && (
      <SanctionDialog
        groupId={groupId}
        groupName={groupName}
        kind={state.kind}
        target={state.target}
        open={state.open}
        onClose={() => setState({ ...state, open: false })}
      />
    ),
  };
}
