import { Button } from "@/components/ui/button";

export function Pager({ hasPrevious, hasNext, busy, onPrevious, onNext }: { hasPrevious: boolean; hasNext: boolean; busy: boolean; onPrevious: () => void; onNext: () => void }) {
  if (!hasPrevious && !hasNext) return null;
  return (
    <nav aria-label="Pages" className="flex items-center justify-end gap-2">
      <Button onClick={onPrevious} disabled={!hasPrevious || busy}>
        ← Previous
      </Button>
      <Button onClick={onNext} disabled={!hasNext || busy}>
        Next →
      </Button>
    </nav>
  );
}
