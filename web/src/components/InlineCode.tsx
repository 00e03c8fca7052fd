/**
 * @module InlineCode
 * Curriculum text (a self-check question or model answer) with its `backticked` spans shown as
 * code, as the authors wrote them; everything else stays plain text (nothing is read as HTML).
 */
export function InlineCode({ text }: { text: string }) {
  const parts = text.split('`');
  // An unpaired backtick is shown as it is.
  if (parts.length % 2 === 0) return <>{text}</>;
  return (
    <>
      {parts.map((part, i) =>
        i % 2 === 1 ? (
          <code key={i} className="rounded bg-slate-100 px-1 font-mono text-[0.9em] dark:bg-slate-700">
            {part}
          </code>
        ) : (
          part
        ),
      )}
    </>
  );
}
