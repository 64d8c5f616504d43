// Shown when a save finds the file changed on disk since it was opened: both versions side
// by side, and the user chooses. Nothing is written until they do.

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
}

export function ConflictView(props: Props) {
  return (
    <section class="conflict" role="alertdialog" aria-labelledby="conflict-title" aria-describedby="conflict-text">
      <h2 id="conflict-title">This file changed on disk while you were editing</h2>
      <p id="conflict-text">
        {props.conflict.message} Nothing was saved. Compare the two versions and choose which to keep, or copy what you need from the version on disk
        into yours and save again.
      </p>
      <div class="conflict-versions">
        <div>
          <label for="conflict-mine">Your version (not saved)</label>
          <textarea id="conflict-mine" readOnly value={props.mine} rows={18} spellcheck={false} />
        </div>
        <div>
          <label for="conflict-theirs">The version on disk now</label>
          <textarea id="conflict-theirs" readOnly value={props.conflict.current.raw} rows={18} spellcheck={false} />
        </div>
      </div>
      <div class="actions">
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
