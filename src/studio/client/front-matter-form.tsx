// The front matter as a form generated from the collection's schema. Each control edits its
// own key's block of YAML text (front-matter-text.ts); a key outside the schema, or one the
// form cannot represent, is edited as its YAML text.

import { useMemo, useState } from "preact/hooks";
import { blockOf, valueText, withBlock, type EntryText } from "./front-matter-text.js";
import { sameValue } from "./field-values.js";
import { FieldControl } from "./field-control.js";
import type { Field } from "./types.js";
import { styleOf, yamlBlock, type FormValue } from "./yaml-scalar.js";

interface Props {
  fields: Field[];
  /** The document as loaded (styles and original values come from it). */
  original: EntryText;
  originalValues: Record<string, unknown>;
  doc: EntryText;
  onChange: (doc: EntryText) => void;
  errors: Record<string, string>;
  onUpload: (field: Field, file: File) => Promise<string | undefined>;
  onBrowse: (field: Field) => void;
}

const REPRESENTABLE = new Set(["string", "number", "boolean", "undefined"]);

/** True when a value fits `type`'s control; anything else (nested objects, lists of objects) is edited as YAML. */
function fits(field: Field, value: unknown): boolean {
  if (field.type === "yaml") return false;
  if (value === null || REPRESENTABLE.has(typeof value)) return field.type !== "tags" || typeof value === "string" || value == null;
  if (Array.isArray(value)) return field.type === "tags" && value.every((item) => typeof item === "string" || typeof item === "number");
  return false;
}

export function FrontMatterForm(props: Props) {
  const { fields, original, originalValues, doc } = props;
  const all = useMemo(() => {
    const known = new Set(fields.map((field) => field.name));
    const extra: Field[] = original.blocks.filter((block) => block.key !== null && !known.has(block.key)).map((block) => ({ name: block.key!, type: "yaml" }));
    return [...fields, ...extra];
  }, [fields, original]);

  const setValue = (field: Field, value: FormValue) => {
    const before = blockOf(original, field.name);
    if (before && sameValue(field, value, originalValues[field.name])) return props.onChange(withBlock(doc, field.name, before.text));
    if (value === null && field.type === "boolean") return props.onChange(withBlock(doc, field.name, null));
    if (!before && (value === null || value === "" || (Array.isArray(value) && value.length === 0))) {
      return props.onChange(withBlock(doc, field.name, null));
    }
    const style = before ? styleOf(valueText(before)) : undefined;
    props.onChange(withBlock(doc, field.name, yamlBlock(field.name, value, style, doc.newline)));
  };

  return (
    <fieldset class="front-matter">
      <legend>Front matter</legend>
      {all.map((field) => {
        const value = originalValues[field.name];
        const asYaml = !fits(field, value);
        return asYaml ? (
          <YamlField key={field.name} field={field} doc={doc} onChange={props.onChange} error={props.errors[field.name]} />
        ) : (
          <FieldControl key={field.name} field={field} original={value} onValue={(next) => setValue(field, next)} error={props.errors[field.name]} onUpload={props.onUpload} onBrowse={props.onBrowse} />
        );
      })}
    </fieldset>
  );
}

function YamlField(props: { field: Field; doc: EntryText; onChange: (doc: EntryText) => void; error: string | undefined }) {
  const { field } = props;
  const [text, setText] = useState(() => blockOf(props.doc, field.name)?.text.replace(/\r?\n$/, "") ?? "");
  const id = `field-${field.name}`;
  return (
    <div class="field field-yaml">
      <label for={id}>
        {field.label ?? field.name} <span class="field-kind">(YAML)</span>
      </label>
      <textarea
        id={id}
        rows={Math.min(12, text.split("\n").length + 1)}
        spellcheck={false}
        value={text}
        aria-invalid={props.error ? "true" : undefined}
        aria-describedby={props.error ? `${id}-error` : undefined}
        onInput={(event) => {
          const next = event.currentTarget.value;
          setText(next);
          props.onChange(withBlock(props.doc, field.name, next.trim() === "" ? null : next));
        }}
      />
      {props.error && <p class="field-error" id={`${id}-error`}>{props.error}</p>}
    </div>
  );
}
