// A unified diff as git prints it, line by line: additions and removals marked in words (for
// screen readers) and in colour, the file headers left out.

interface Props {
  diff: string;
  label: string;
}

export function DiffView({ diff, label }: Props) {
  const lines = diff.split("\n").filter((line) => !/^(diff --git|index |--- |\+\+\+ |new file mode|deleted file mode)/.test(line));
  if (!lines.some((line) => line.trim())) return <p class="diff-empty">No changes.</p>;
  return (
    <pre class="diff" aria-label={label} tabIndex={0}>
      {lines.map((line, i) => {
        const kind = line.startsWith("+") ? "added" : line.startsWith("-") ? "removed" : line.startsWith("@@") ? "hunk" : "same";
        return (
          <span key={i} class={`diff-line diff-${kind}`}>
            {kind === "added" && <span class="visually-hidden">added: </span>}
            {kind === "removed" && <span class="visually-hidden">removed: </span>}
            {line}
            {"\n"}
          </span>
        );
      })}
    </pre>
  );
}
