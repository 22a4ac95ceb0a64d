// Every shipped standard's document (HTML, Word) and flowcharts (SVG), written by the sopan
// binary, opened in headless Chromium and checked as a person sees them: no console error and
// no request leaving the file; in every flowchart no two boxes overlap, every connector starts
// on its box and ends on the top of its target, no connector passes through a box, no text
// runs out of its box or cell; every SOP table fits an A4 landscape page when printed, and
// the PDF Chromium prints has landscape pages for the SOPs; the Word file's tables read back
// with the same cells as the HTML's, by our reader and by a word processor: LibreOffice
// (Debian's `soffice`, headless) opens every Word file, writes it as HTML, whose tables
// Chromium reads and compares with ours, and prints it to PDF, which must have a landscape
// page for each SOP. Screenshots go to target/browser/shots.
//
// Usage: node check.mjs [path/to/sopan]   (default: target/debug/sopan; CHROMIUM=/usr/bin/chromium;
// SOFFICE=/usr/bin/soffice, the LibreOffice part skipped with a notice only when it is absent)

import { chromium } from 'playwright-core';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const sopan = path.resolve(root, process.argv[2] || process.env.SOPAN_BIN || 'target/debug/sopan');
const out = path.join(root, 'target/browser');
const shots = path.join(out, 'shots');
fs.rmSync(out, { recursive: true, force: true });
fs.mkdirSync(shots, { recursive: true });

const faults = [];
const fault = (where, what) => faults.push(`${where}: ${what}`);

// 1. Every standard written three ways, and its flowcharts.
function standards(dir) {
  const found = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) found.push(...standards(p));
    else if (e.name.endsWith('.sop')) found.push(p);
  }
  return found.sort();
}
const run = (args) => spawnSync(sopan, args, { cwd: root, encoding: 'utf8' });
const made = [];
for (const file of standards(path.join(root, 'standards'))) {
  const rel = path.relative(root, file);
  const name = rel.replace(/^standards\//, '').replace(/\.sop$/, '').replaceAll('/', '__');
  const html = run(['doc', rel, '--format', 'html', '--out', path.join(out, `${name}.html`)]);
  if (html.status === 2) continue; // an agency file: nothing of its own to document
  if (html.status !== 0) { fault(rel, `doc --format html failed: ${html.stderr}`); continue; }
  const docx = run(['doc', rel, '--format', 'docx', '--out', path.join(out, `${name}.docx`)]);
  if (docx.status !== 0) fault(rel, `doc --format docx failed: ${docx.stderr}`);
  const svg = run(['graph', rel, '--format', 'svg', '--out', path.join(out, name)]);
  if (svg.status !== 0) fault(rel, `graph --format svg failed: ${svg.stderr}`);
  const svgs = svg.stdout.split('\n').filter(Boolean);
  made.push({ rel, name, svgs });
}
if (made.length < 10) fault('standards', `only ${made.length} documents written`);

// In the page: every flowchart's promises, as laid out by the browser.
function flowchartFaults() {
  const found = [];
  const box = (el) => { const b = el.getBBox(); return { x: b.x, y: b.y, w: b.width, h: b.height }; };
  const inside = (a, b, t = 1.5) => a.x >= b.x - t && a.y >= b.y - t && a.x + a.w <= b.x + b.w + t && a.y + a.h <= b.y + b.h + t;
  const overlap = (a, b) => Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x) > 0.5 && Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y) > 0.5;
  const onEdge = (p, r) => {
    const near = (v, e) => Math.abs(v - e) <= 1.5;
    const inX = p.x >= r.x - 1.5 && p.x <= r.x + r.w + 1.5;
    const inY = p.y >= r.y - 1.5 && p.y <= r.y + r.h + 1.5;
    return (inX && (near(p.y, r.y) || near(p.y, r.y + r.h))) || (inY && (near(p.x, r.x) || near(p.x, r.x + r.w)));
  };
  const crosses = (a, b, r) => {
    const [x0, x1] = [Math.min(a.x, b.x), Math.max(a.x, b.x)];
    const [y0, y1] = [Math.min(a.y, b.y), Math.max(a.y, b.y)];
    if (x0 === x1) return r.x + 0.5 < x0 && x0 < r.x + r.w - 0.5 && Math.max(y0, r.y) < Math.min(y1, r.y + r.h) - 0.5;
    return r.y + 0.5 < y0 && y0 < r.y + r.h - 0.5 && Math.max(x0, r.x) < Math.min(x1, r.x + r.w) - 0.5;
  };
  let charts = 0;
  for (const svg of document.querySelectorAll('svg.sopan-flowchart')) {
    charts++;
    const where = svg.dataset.procedure;
    const syms = [...svg.querySelectorAll('g.sym')].map((g) => ({ id: g.dataset.id, g, r: box(g.querySelector('.shape')) }));
    const byId = new Map(syms.map((s) => [s.id, s]));
    for (let i = 0; i < syms.length; i++) {
      for (let j = i + 1; j < syms.length; j++) {
        if (overlap(syms[i].r, syms[j].r)) found.push(`${where}: boxes ${syms[i].id} and ${syms[j].id} overlap`);
      }
      for (const t of syms[i].g.querySelectorAll('text')) {
        if (t.textContent && !inside(box(t), syms[i].r)) found.push(`${where}: the text of ${syms[i].id} runs out of its box`);
      }
    }
    for (const c of svg.querySelectorAll('g.cell')) {
      const r = box(c.querySelector('rect'));
      for (const t of c.querySelectorAll('text')) {
        if (t.textContent && !inside(box(t), r)) found.push(`${where}: the text "${t.textContent.slice(0, 30)}" runs out of its cell`);
      }
    }
    for (const w of svg.querySelectorAll('polyline.wire')) {
      const from = byId.get(w.dataset.from); const to = byId.get(w.dataset.to);
      const name = `${w.dataset.from} → ${w.dataset.to}`;
      if (!from || !to) { found.push(`${where}: connector ${name} names no box`); continue; }
      const pts = [...w.points].map((p) => ({ x: p.x, y: p.y }));
      if (!onEdge(pts[0], from.r)) found.push(`${where}: connector ${name} does not start on its box`);
      const last = pts[pts.length - 1];
      if (!(onEdge(last, to.r) && Math.abs(last.y - to.r.y) <= 1.5)) found.push(`${where}: connector ${name} does not end on its target`);
      for (let k = 1; k < pts.length; k++) {
        for (const s of syms) {
          if (crosses(pts[k - 1], pts[k], s.r)) found.push(`${where}: connector ${name} crosses ${s.id}`);
        }
      }
    }
  }
  return { found, charts };
}

// The tables of a Word file: each table's rows of cell texts.
function docxTables(file) {
  const zip = fs.readFileSync(file);
  let at = 0; let xml = null;
  while (at + 30 <= zip.length && zip.readUInt32LE(at) === 0x04034b50) {
    const method = zip.readUInt16LE(at + 8);
    const size = zip.readUInt32LE(at + 18);
    const nameLen = zip.readUInt16LE(at + 26); const extra = zip.readUInt16LE(at + 28);
    const name = zip.subarray(at + 30, at + 30 + nameLen).toString('utf8');
    const data = zip.subarray(at + 30 + nameLen + extra, at + 30 + nameLen + extra + size);
    if (name === 'word/document.xml') { if (method !== 0) throw new Error('compressed'); xml = data.toString('utf8'); }
    at += 30 + nameLen + extra + size;
  }
  if (xml === null) throw new Error('no word/document.xml');
  const decode = (s) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
  const text = (cell) => decode([...cell.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>|<w:br\/>/g)].map((m) => m[1] ?? ' ').join('')).replace(/\s+/g, ' ').trim();
  return [...xml.matchAll(/<w:tbl>([\s\S]*?)<\/w:tbl>/g)].map((t) => [...t[1].matchAll(/<w:tr>([\s\S]*?)<\/w:tr>/g)]
    .map((r) => [...r[1].matchAll(/<w:tc>([\s\S]*?)<\/w:tc>/g)]
      // A cell merged into the one above (`<w:vMerge/>`) is that cell, as a row-spanning
      // HTML cell is written once.
      .filter((c) => !c[1].includes('<w:vMerge/>'))
      .map((c) => text(c[1]))));
}

// The number of landscape pages of a PDF Chromium printed (A4 on its side: 842 × 595 points).
function landscapePages(file) {
  const pdf = fs.readFileSync(file).toString('latin1');
  return [...pdf.matchAll(/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/g)].filter((m) => Number(m[1]) > Number(m[2])).length;
}

// 2. In the browser.
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const context = await browser.newContext({ viewport: { width: 1100, height: 1400 } });
async function open(file, where) {
  const page = await context.newPage();
  page.on('console', (m) => { if (m.type() === 'error') fault(where, `console error: ${m.text()}`); });
  page.on('pageerror', (e) => fault(where, `page error: ${e.message}`));
  page.on('request', (r) => { if (!r.url().startsWith('file:') && !r.url().startsWith('data:')) fault(where, `request out: ${r.url()}`); });
  await page.goto('file://' + file);
  return page;
}
// LibreOffice's reading of every Word file: as HTML (tables compared below) and as PDF.
const soffice = process.env.SOFFICE || '/usr/bin/soffice';
const office = path.join(out, 'libreoffice');
const haveOffice = fs.existsSync(soffice);
if (haveOffice) {
  const docs = made.map(({ name }) => path.join(out, `${name}.docx`));
  for (const to of ['html', 'pdf']) {
    const r = spawnSync(soffice, ['--headless', '--convert-to', to, '--outdir', office, ...docs],
      { encoding: 'utf8', env: { ...process.env, HOME: path.join(out, 'office-home') } });
    if (r.status !== 0) fault('libreoffice', `--convert-to ${to} failed: ${r.stderr}`);
  }
} else {
  console.log(`LibreOffice not found at ${soffice}: the Word files are read by our reader only`);
}
const tablesOf = (page) => page.evaluate(() => [...document.querySelectorAll('table')]
  .map((t) => [...t.rows].map((r) => [...r.cells].map((c) => c.innerText.replace(/\s+/g, ' ').trim()))));

let charts = 0; let tables = 0; let officeTables = 0;
for (const { rel, name, svgs } of made) {
  const page = await open(path.join(out, `${name}.html`), rel);
  const inPage = await page.evaluate(flowchartFaults);
  inPage.found.forEach((f) => fault(rel, f));
  charts += inPage.charts;
  if (inPage.charts === 0) fault(rel, 'the document shows no flowchart');
  await page.screenshot({ path: path.join(shots, `${name}.png`) });
  // Every row of every table spans as many columns as the others (row and column spans
  // counted), with no hole.
  const ragged = await page.evaluate(() => [...document.querySelectorAll('table')].flatMap((t, i) => {
    const taken = [];
    for (const [y, r] of [...t.rows].entries()) {
      let x = 0;
      for (const c of r.cells) {
        while (taken[y]?.[x]) x++;
        for (let dy = 0; dy < c.rowSpan; dy++) for (let dx = 0; dx < c.colSpan; dx++) (taken[y + dy] ??= [])[x + dx] = true;
        x += c.colSpan;
      }
    }
    const widths = new Set(taken.map((row) => (row.filter(Boolean).length === row.length ? row.length : -1)));
    return widths.size > 1 || widths.has(-1) ? [`table ${i + 1}: its rows span different numbers of columns`] : [];
  }));
  ragged.forEach((r) => fault(rel, r));
  const htmlTables = await tablesOf(page);
  const wordTables = docxTables(path.join(out, `${name}.docx`));
  if (JSON.stringify(htmlTables) !== JSON.stringify(wordTables)) {
    fault(rel, `the Word tables differ from the HTML's (${wordTables.length} vs ${htmlTables.length} tables)`);
  }
  tables += htmlTables.length;
  if (haveOffice) {
    const lo = await open(path.join(office, `${name}.html`), `${rel} (LibreOffice)`);
    const officeRead = await tablesOf(lo);
    await lo.close();
    htmlTables.forEach((t, i) => {
      if (JSON.stringify(t) !== JSON.stringify(officeRead[i])) fault(rel, `LibreOffice reads table ${i + 1} of the Word file otherwise than the HTML shows it`);
    });
    if (officeRead.length !== htmlTables.length) fault(rel, `LibreOffice reads ${officeRead.length} tables in the Word file, the HTML has ${htmlTables.length}`);
    officeTables += officeRead.length;
  }
  // Printed: each SOP table within an A4 landscape page's text width (297 mm less 10 mm
  // margins each side = 1047 px), no cell's content wider than its cell.
  await page.emulateMedia({ media: 'print' });
  await page.setViewportSize({ width: 1047, height: 740 });
  const wide = await page.evaluate(() => [...document.querySelectorAll('table.sop')].flatMap((t, i) => {
    const bad = [];
    if (t.getBoundingClientRect().width > 1048) bad.push(`SOP table ${i + 1} is ${Math.round(t.getBoundingClientRect().width)} px wide`);
    for (const c of t.querySelectorAll('th, td')) if (c.scrollWidth > c.clientWidth + 1) bad.push(`a cell of SOP table ${i + 1} overflows: "${c.innerText.slice(0, 30)}"`);
    return bad;
  }));
  wide.forEach((w) => fault(rel, w));
  const sops = await page.evaluate(() => document.querySelectorAll('section.sop').length);
  const pdf = path.join(out, `${name}.pdf`);
  await page.pdf({ path: pdf, preferCSSPageSize: true });
  if (landscapePages(pdf) < sops) fault(rel, `${sops} SOPs but ${landscapePages(pdf)} landscape pages printed`);
  const officePdf = path.join(office, `${name}.pdf`);
  if (haveOffice && landscapePages(officePdf) < sops) fault(rel, `${sops} SOPs but ${landscapePages(officePdf)} landscape pages in LibreOffice's print of the Word file`);
  await page.close();
  for (const svg of svgs) {
    const p = await open(svg, path.relative(root, svg));
    const own = await p.evaluate(flowchartFaults);
    own.found.forEach((f) => fault(path.relative(out, svg), f));
    if (own.charts !== 1) fault(path.relative(out, svg), `${own.charts} charts in one file`);
    const size = await p.evaluate(() => { const s = document.documentElement; return { w: s.width.baseVal.value, h: s.height.baseVal.value }; });
    await p.setViewportSize({ width: Math.min(Math.ceil(size.w), 2400), height: Math.min(Math.ceil(size.h), 3000) });
    await p.screenshot({ path: path.join(shots, `${name}__${path.basename(svg, '.svg')}.png`) });
    await p.close();
  }
}
await browser.close();
console.log(`${made.length} documents, ${charts} flowchart pages in them, ${tables} tables compared with Word, ${officeTables} as LibreOffice reads them, ${made.reduce((n, m) => n + m.svgs.length, 0)} SVG files`);
if (faults.length) {
  console.error(faults.join('\n'));
  process.exit(1);
}
