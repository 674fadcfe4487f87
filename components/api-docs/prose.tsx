/** The document's descriptions mark code with backticks, as Markdown does: those parts are shown as code. */
export function Prose({ text }: { text: string }) {
  return <>{text.split("`").map((part, i) => (i % 2 ? <code key={i}>{part}</code> : part))}</>;
}
