import type { ErrorDefinition } from "../error-definition.js";

/** Errors of the studio's media library, member roster actions, renames and other CMSs' config files. */
export const studioMediaErrors = {
  MediaNotImage: {
    title: "The upload is not an image",
    hint: "Upload a PNG, JPEG, GIF, WebP, AVIF or SVG image; the file's bytes are checked, not its name.",
  },
  MediaTypeMismatch: {
    title: "The file's name does not match its content",
    hint: "Rename the file so its extension matches the image format, or export it again in the format its name says.",
  },
  MediaTooLarge: {
    title: "The upload is too large",
    hint: "Make the image smaller (resize or compress it), or raise `media.maxSize` in studio.config.yml.",
  },
  MediaSvgUnsafe: {
    title: "The SVG cannot be made safe",
    hint: "Export the SVG again from the drawing program as a plain SVG (no scripts, no embedded HTML, no external entities).",
  },
  MediaFolderMissing: {
    title: "No such media folder",
    hint: "Pick one of the folders the media library lists, or upload into a folder first to create it.",
  },
  EntryRenameInvalid: {
    title: "The entry cannot be renamed",
    hint: "Give the new path inside the site's input folder, with the same kind of extension, and a name no other file has.",
  },
  CmsConfigInvalid: {
    title: "Another CMS's config file could not be read",
    hint: "Fix the YAML at the location shown; until then the studio infers the fields from the content alone.",
  },
} as const satisfies Record<string, ErrorDefinition>;
