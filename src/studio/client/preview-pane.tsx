// The live preview: the unsaved text goes to POST /api/preview after a short pause in typing,
// then the frame shows the page the site's own templates render from it (same origin,
// under /preview/): patched in place by the page's preview script, or reloaded. Errors are handed up to be shown at their field or line; while the text
// has errors the frame keeps the last good page instead of showing a broken one.

import { useEffect, useRef, useState } from "preact/hooks";
import { api, ApiError } from "./api.js";
import type { LinkingPage, PreviewError } from "./types.js";

export const PREVIEW_PAUSE_MS = 150;

interface Props {
  path: string;
  raw: string;
  /** Bumped after a save: the preview is asked again, so its errors describe the saved state. */
  refresh: number;
  onErrors: (errors: PreviewError[]) => void;
}

/** Timings for the bench and tests: when the last preview was asked for and when its frame showed it. */
interface PreviewProbe {
  requests: number;
  /** Times the frame showed a new build: loaded, or patched in place. */
  loads: number;
  requestedAt: number;
  /** When the server answered the last preview request. */
  respondedAt: number;
  loadedAt: number;
}

/** What the preview page's own script (src/studio/preview/preview-client.ts) offers the pane. */
interface FramedPreview {
  refresh(build: number): Promise<"current" | "patched" | "reloaded">;
}

declare global {
  interface Window {
    __studioPreview?: PreviewProbe;
    __plinthPreview?: FramedPreview;
  }
}

function frameShown(): void {
  probe.loads++;
  probe.loadedAt = performance.now();
}

const probe: PreviewProbe = (window.__studioPreview = { requests: 0, loads: 0, requestedAt: 0, respondedAt: 0, loadedAt: 0 });

export function PreviewPane(props: Props) {
  const frame = useRef<HTMLIFrameElement>(null);
  const [entryUrl, setEntryUrl] = useState<string | null>(null);
  const [target, setTarget] = useState<string>("");
  const [listing, setListing] = useState<LinkingPage[]>([]);
  const [problem, setProblem] = useState("");
  const sequence = useRef(0);
  const scroll = useRef({ x: 0, y: 0 });
  /** The frame's intended address: a page reloading itself just as the frame moves on can win. */
  const wanted = useRef("");
  const latest = useRef(props);
  latest.current = props;

  const show = (url: string, build: number | undefined) => {
    const element = frame.current;
    if (!element) return;
    const src = `/preview${url.startsWith("/") ? url : `/${url}`}`;
    wanted.current = src;
    try {
      const win = element.contentWindow;
      if (win) scroll.current = { x: win.scrollX, y: win.scrollY };
      if (win && win.location.pathname === new URL(src, location.href).pathname) {
        // The page takes the new build in place when it can, or reloads itself; it also does
        // so on the build event, and answers both with one fetch.
        const framed = win.__plinthPreview;
        if (framed && build !== undefined) {
          framed.refresh(build).then(
            (how) => how !== "reloaded" && frameShown(),
            () => undefined,
          );
          return;
        }
        win.location.reload();
        return;
      }
    } catch {
      // A frame on an error page may not be readable; set its address instead.
    }
    element.src = src;
  };

  useEffect(() => {
    const timer = setTimeout(async () => {
      const mine = ++sequence.current;
      probe.requests++;
      probe.requestedAt = performance.now();
      try {
        const result = await api.preview(props.path, props.raw);
        if (mine !== sequence.current) return;
        probe.respondedAt = performance.now();
        latest.current.onErrors(result.errors ?? []);
        setProblem("");
        if (result.url && result.url !== entryUrl) setEntryUrl(result.url);
        if (!result.errors?.length) show(target || result.url || "/", result.build);
      } catch (error) {
        if (mine !== sequence.current) return;
        setProblem(error instanceof ApiError ? error.message : String(error));
      }
    }, PREVIEW_PAUSE_MS);
    return () => clearTimeout(timer);
  }, [props.path, props.raw, props.refresh, target]);

  useEffect(() => {
    let live = true;
    api.links(props.path).then(
      (result) => live && setListing(result.pages),
      () => live && setListing([]),
    );
    return () => {
      live = false;
    };
  }, [props.path]);

  useEffect(() => () => void api.dropPreview(props.path).catch(() => undefined), [props.path]);

  return (
    <section class="preview" aria-label="Preview">
      <div class="preview-bar">
        <label for="preview-target">Preview</label>
        <select id="preview-target" value={target} onChange={(e) => setTarget(e.currentTarget.value)}>
          <option value="">This entry{entryUrl ? ` (${entryUrl})` : ""}</option>
          {listing.map((page) => (
            <option key={page.url} value={page.url}>
              {page.title ? `${page.title} (${page.url})` : page.url}
            </option>
          ))}
        </select>
      </div>
      {problem && (
        <p class="preview-problem" role="alert">
          The preview could not be built: {problem}
        </p>
      )}
      <iframe
        ref={frame}
        title="Preview of the page"
        class="preview-frame"
        onLoad={() => {
          frameShown();
          try {
            const at = frame.current?.contentWindow?.location.pathname;
            if (wanted.current && at !== undefined && at !== new URL(wanted.current, location.href).pathname) {
              // The page it was leaving reloaded itself (its own build event) and won: go on.
              frame.current!.src = wanted.current;
              return;
            }
            frame.current?.contentWindow?.scrollTo(scroll.current.x, scroll.current.y);
          } catch {
            // Not readable: nothing to restore.
          }
        }}
      />
    </section>
  );
}
