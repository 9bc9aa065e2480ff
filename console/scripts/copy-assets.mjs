// Copies the NHS.UK design system's compiled CSS, JavaScript and images into the console's static
// resources. The stylesheet's web fonts live on a CDN; the console serves nothing from elsewhere
// (its Content-Security-Policy forbids it), so those @font-face rules are dropped and the design
// system's own fallback (Arial) applies.
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const target = process.argv[2];
if (!target) {
  console.error('usage: node scripts/copy-assets.mjs <target folder>');
  process.exit(2);
}
const dist = 'node_modules/nhsuk-frontend/dist/nhsuk';
mkdirSync(join(target, 'nhsuk'), { recursive: true });
const css = readFileSync(join(dist, 'nhsuk-frontend.min.css'), 'utf8');
const withoutRemoteFonts = css.replace(/@font-face\{[^}]*https?:\/\/[^}]*\}/g, '');
if (/url\(https?:/.test(withoutRemoteFonts)) {
  console.error('the stylesheet still points somewhere remote');
  process.exit(1);
}
writeFileSync(join(target, 'nhsuk', 'nhsuk-frontend.min.css'), withoutRemoteFonts);
cpSync(join(dist, 'nhsuk-frontend.min.js'), join(target, 'nhsuk', 'nhsuk-frontend.min.js'));
cpSync(join(dist, 'assets', 'images'), join(target, 'images'), { recursive: true });
console.log(`design system copied to ${target}`);
