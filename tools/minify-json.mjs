// minify-json.mjs — rewrites a JSON file without insignificant white space (node tools/minify-json.mjs IN OUT).
// Used when the default policy is embedded in the WebAssembly module, where every byte is downloaded.
import { readFileSync, writeFileSync } from 'node:fs';

const [input, output] = process.argv.slice(2);
writeFileSync(output, JSON.stringify(JSON.parse(readFileSync(input, 'utf8'))));
