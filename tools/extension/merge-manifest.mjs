// merge-manifest.mjs — a browser's manifest = the base manifest with that browser's overlay on top.
// Objects merge key by key; arrays and scalars in the overlay replace the base's; a null removes a key.
export function mergeManifest(base, overlay) {
  const out = structuredClone(base);
  for (const [key, value] of Object.entries(overlay)) {
    if (value === null) delete out[key];
    else if (isPlainObject(value) && isPlainObject(out[key])) out[key] = mergeManifest(out[key], value);
    else out[key] = structuredClone(value);
  }
  return out;
}

function isPlainObject(v) {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}
