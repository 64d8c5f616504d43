// One front matter field's control, by type. Each holds what the user typed and reports
// the value it means; the form turns that into YAML text.

import { useState } from "preact/hooks";
import { asTags, fromDateTimeInput, toDateInput, toDateTimeInput } from "./field-values.js";
import type { Field } from "./types.js";
import type { FormValue } from "./yaml-scalar.js";

interface Props {
  field: Field;
  original: unknown;
  onValue: (value: FormValue) => void;
  error: string | undefined;
  onUpload: (field: Field, file: File) => Promise<string | undefined>;
  onBrowse: (field: Field) => void;
}

export function FieldControl(props: Props) {
  const { field, error } = props;
  const id = `field-${field.name}`;
  const described = error ? `${id}-error` : undefined;
  const common = { id, "aria-invalid": error ? ("true" as const) : undefined, "aria-describedby": described, "aria-required": field.required ? ("true" as const) : undefined };
  const label = field.label ?? field.name;
  let control;
  switch (field.type) {
    case "boolean":
      // A select, not a checkbox: "not set" and false differ to templates (`index: false`).
      control = <BooleanControl {...props} common={common} />;
      break;
    case "number":
      control = <input type="number" step="any" {...common} defaultValue={typeof props.original === "number" ? String(props.original) : ""} onInput={(e) => props.onValue(e.currentTarget.value === "" ? null : Number(e.currentTarget.value))} />;
      break;
    case "longtext":
      control = <textarea rows={4} {...common} defaultValue={stringOf(props.original)} onInput={(e) => props.onValue(e.currentTarget.value)} />;
      break;
    case "datetime":
      control = <input type="datetime-local" step="1" {...common} defaultValue={toDateTimeInput(props.original)} onInput={(e) => props.onValue(fromDateTimeInput(e.currentTarget.value))} />;
      break;
    case "date":
      control = <input type="date" {...common} defaultValue={toDateInput(props.original)} onInput={(e) => props.onValue(e.currentTarget.value || null)} />;
      break;
    case "select":
      control = <SelectControl {...props} common={common} />;
      break;
    case "tags":
      return <TagsControl {...props} />;
    case "image":
      control = <ImageControl {...props} common={common} />;
      break;
    case "url":
      control = <input type="url" {...common} defaultValue={stringOf(props.original)} onInput={(e) => props.onValue(e.currentTarget.value)} />;
      break;
    default:
      control = <input type="text" {...common} defaultValue={stringOf(props.original)} onInput={(e) => props.onValue(e.currentTarget.value)} />;
  }
  return (
    <div class={`field field-${field.type}`}>
      <label for={id}>
        {label}
        {field.required && <span aria-hidden="true"> *</span>}
        {field.type === "datetime" && <span class="field-kind"> (UTC)</span>}
      </label>
      {control}
      {error && <p class="field-error" id={described}>{error}</p>}
    </div>
  );
}

function stringOf(value: unknown): string {
  return value === undefined || value === null ? "" : String(value);
}

type Common = Record<string, string | undefined>;

// Selects are controlled (`value`): Preact does not apply `defaultValue` to a <select>.
function BooleanControl(props: Props & { common: Common }) {
  const [value, setValue] = useState(typeof props.original === "boolean" ? String(props.original) : "");
  return (
    <select
      {...props.common}
      value={value}
      onChange={(e) => {
        const next = e.currentTarget.value;
        setValue(next);
        props.onValue(next === "" ? null : next === "true");
      }}
    >
      <option value="">(not set)</option>
      <option value="true">true</option>
      <option value="false">false</option>
    </select>
  );
}

function SelectControl(props: Props & { common: Common }) {
  const current = stringOf(props.original);
  const [value, setValue] = useState(current);
  const options = props.field.options ?? [];
  return (
    <select
      {...props.common}
      value={value}
      onChange={(e) => {
        setValue(e.currentTarget.value);
        props.onValue(e.currentTarget.value || null);
      }}
    >
      <option value="">(none)</option>
      {current && !options.includes(current) && <option value={current}>{current}</option>}
      {options.map((option) => (
        <option key={option} value={option}>
          {option}
        </option>
      ))}
    </select>
  );
}

function ImageControl(props: Props & { common: Common }) {
  const { field } = props;
  const [value, setValue] = useState(stringOf(props.original));
  const [status, setStatus] = useState("");
  const set = (next: string) => {
    setValue(next);
    props.onValue(next);
  };
  const upload = async (file: File | undefined) => {
    if (!file) return;
    setStatus(`Uploading ${file.name}…`);
    const url = await props.onUpload(field, file);
    setStatus(url ? `Uploaded ${file.name}` : `${file.name} was not uploaded`);
    if (url) set(url);
  };
  return (
    <div
      class="image-field"
      onDragOver={(e) => e.preventDefault()}
      onDrop={(e) => {
        e.preventDefault();
        void upload(e.dataTransfer?.files[0]);
      }}
    >
      <input type="text" {...props.common} value={value} onInput={(e) => set(e.currentTarget.value)} />
      {value && <img class="image-thumb" src={value} alt="" />}
      <label class="button">
        Upload…
        <input class="visually-hidden" type="file" accept="image/*" aria-label={`Upload an image for ${field.label ?? field.name}`} onChange={(e) => void upload(e.currentTarget.files?.[0])} />
      </label>
      <button type="button" onClick={() => props.onBrowse(field)}>
        Choose from library
      </button>
      <span class="status" role="status">
        {status}
      </span>
    </div>
  );
}

function TagsControl(props: Props) {
  const { field } = props;
  const id = `field-${field.name}`;
  const [tags, setTags] = useState(() => asTags(props.original));
  const [draft, setDraft] = useState("");
  const update = (next: string[]) => {
    setTags(next);
    props.onValue(next);
  };
  const add = () => {
    const names = draft.split(",").map((name) => name.trim()).filter((name) => name && !tags.includes(name));
    if (names.length) update([...tags, ...names]);
    setDraft("");
  };
  return (
    <div class="field field-tags">
      <label for={id}>{field.label ?? field.name}</label>
      <ul class="tags" aria-label={`${field.label ?? field.name}: chosen`}>
        {tags.map((tag) => (
          <li key={tag}>
            {tag}
            <button type="button" aria-label={`Remove ${tag}`} onClick={() => update(tags.filter((t) => t !== tag))}>
              ×
            </button>
          </li>
        ))}
      </ul>
      <input
        id={id}
        type="text"
        list={`${id}-options`}
        value={draft}
        placeholder="Add a tag and press Enter"
        aria-invalid={props.error ? "true" : undefined}
        aria-describedby={props.error ? `${id}-error` : undefined}
        onInput={(e) => setDraft(e.currentTarget.value)}
        onKeyDown={(e) => {
          if (e.key === "Enter" || e.key === ",") {
            e.preventDefault();
            add();
          }
        }}
        onBlur={() => draft.trim() && add()}
      />
      <datalist id={`${id}-options`}>
        {(field.options ?? []).filter((option) => !tags.includes(option)).map((option) => (
          <option key={option} value={option} />
        ))}
      </datalist>
      {props.error && <p class="field-error" id={`${id}-error`}>{props.error}</p>}
    </div>
  );
}
