// Shown when a save finds the file changed since it was opened and the two changes overlap
// (changes to different lines are merged by the server and never get here): both versions
// side by side, the merge with the overlapping lines marked, and the user chooses. Nothing is
// written until they do, and neither text is dropped.

import type { Conflict } from "./types.js";

interface Props {
  mine: string;
  conflict: Conflict;
  /** Save my text over the disk's version (knowing it now). */
  onKeepMine: () => void;
  /** Drop my text and load the disk's version. */
  onTakeTheirs: () => void;
  /** Keep editing my text, now based on the disk's version, to merge by hand. */
  onMerge: () => void;
  /** Edit the merge with its conflict markers, based on the disk's version. */
  onEditMerged?: (text: string) => void;
}

export function ConflictView(props: Props) {
  const { merged } = props.conflict;
  const places = merged ? `${merged.conflicts} place${merged.conflicts === 1 ? "" : "s"}` : "";
  return (
    <section class="conflict" role="alertdialog" aria-labelledby="conflict-title" aria-describedby="conflict-text">
      <h2 id="conflict-title">This file changed on disk while you were editing</h2>
      <p id="conflict-text">
        {props.conflict.message} Nothing was saved.{" "}
        {merged
          ? `Your changes and the other ones were combined, except in ${places} where you both changed the same lines (marked <<<<<<< and >>>>>>> below). Edit the combined text, or choose one version.`
          : "Compare the two versions and choose which to keep, or copy what you need from the version on disk into yours and save again."}
      </p>
      <div class="conflict-versions">
        <div>
          <label for="conflict-mine">Your version (not saved)</label>
          <textarea id="conflict-mine" readOnly value={props.conflict.mine ?? props.mine} rows={18} spellcheck={false} />
        </div>
        <div>
          <label for="conflict-theirs">The version on disk now</label>
          <textarea id="conflict-theirs" readOnly value={props.conflict.current.raw} rows={18} spellcheck={false} />
        </div>
        {merged && (
          <div>
            <label for="conflict-merged">Both combined ({places} to resolve)</label>
            <textarea id="conflict-merged" readOnly value={merged.raw} rows={18} spellcheck={false} />
          </div>
        )}
      </div>
      <div class="actions">
        {merged && props.onEditMerged && (
          <button type="button" class="primary" onClick={() => props.onEditMerged?.(merged.raw)}>
            Edit the combined text
          </button>
        )}
        <button type="button" onClick={props.onKeepMine}>
          Save my version over it
        </button>
        <button type="button" onClick={props.onTakeTheirs}>
          Use the version on disk
        </button>
        <button type="button" onClick={props.onMerge}>
          Keep editing mine (merge by hand)
        </button>
      </div>
    </section>
  );
}
