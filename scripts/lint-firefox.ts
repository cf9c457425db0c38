/**
 * `web-ext lint` on the Firefox store build (`npm run build:firefox` first), as addons.mozilla.org
 * runs it on upload. Fails on any error, and on any warning or notice not explained below.
 */
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';

interface Message {
  code: string;
  message: string;
  description: string;
  file?: string;
}

/** Warnings that stay, each with why it is safe. Matched by code and file. */
const EXPLAINED: { code: string; file: RegExp; why: string }[] = [
  {
    code: 'UNSAFE_VAR_ASSIGNMENT',
    file: /^engine-worker\.js$/,
    why:
      'onnxruntime-web imports its WebAssembly glue module with import(url); the url is the ' +
      "copy packaged in the extension (ort/, beside the worker's own file), and the CSP allows no other.",
  },
  {
    code: 'UNSAFE_VAR_ASSIGNMENT',
    file: /^chunks\/style-[\w-]+\.js$/,
    why:
      "react-dom's handler for dangerouslySetInnerHTML; Skein never passes it (Biome's " +
      'noDangerouslySetInnerHtml rule, in npm test) and renders page text and model output as text.',
  },
];

const build = resolve(import.meta.dirname, '../.output/firefox-mv3');
let out: string;
try {
  out = execFileSync('npx', ['web-ext', 'lint', '--source-dir', build, '--output', 'json', '--no-config-discovery'], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
} catch (e) {
  // web-ext exits non-zero when it finds errors; its report is still on stdout.
  out = (e as { stdout?: string }).stdout ?? '';
}
const report = JSON.parse(out) as { errors: Message[]; warnings: Message[]; notices: Message[] };
const unexplained = [...report.warnings, ...report.notices].filter(
  (m) => !EXPLAINED.some((x) => x.code === m.code && x.file.test(m.file ?? '')),
);
for (const m of [...report.errors, ...unexplained])
  console.error(`web-ext lint: ${m.code} in ${m.file ?? '?'}: ${m.message} ${m.description}`);
console.log(
  `web-ext lint: ${report.errors.length} errors, ${report.warnings.length} warnings ` +
    `(${report.warnings.length - unexplained.length} explained in scripts/lint-firefox.ts), ` +
    `${report.notices.length} notices`,
);
if (report.errors.length || unexplained.length) process.exit(1);
